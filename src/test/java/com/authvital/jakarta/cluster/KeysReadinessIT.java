package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.Cluster;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Readiness;
import com.authvital.testing.ClusterApp;
import com.authvital.testing.Deployments;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An application that starts while its IdP serves no keys is not ready ({@code authvital-keys}
 * DOWN, the last failure's id in its data), and becomes ready by itself once the IdP serves them,
 * without a request: the module fetches the keys at start and tries again until they come. One
 * Open Liberty server of its own with {@code mpHealth-4.0}, pointed at an IdP nothing listens for yet.
 */
@Tag("liberty-only")
class KeysReadinessIT {

    private static final int SHIFT = Integer.getInteger(TwoServers.PORT_SHIFT, 0);
    private static final ClusterApp.Node NODE = new ClusterApp.Node("av-keys-ready", 9383 + SHIFT, 9743 + SHIFT,
            5823 + SHIFT);
    /** The retries' pause grows to 30 s while the server starts; then a fetch, on a loaded machine. */
    private static final Duration KEYS_COME = Duration.ofSeconds(75);

    @Test
    void notReadyUntilTheIdpServesItsKeysThenReadyWithoutARequest() {
        OwnIdp idp = OwnIdp.notListening();
        WebArchive war = Deployments.demoForCluster("authvital-keys-ready", idp.baseUrl(), Map.of());
        try (Cluster cluster = ClusterApp.start(Path.of(System.getProperty("liberty.wlp")),
                Path.of(System.getProperty("liberty.cluster.server.xml")), Path.of(System.getProperty("cluster.dir")),
                war, List.of(NODE), Map.of())) {
            Server server = cluster.server(NODE.name());

            Readiness.Answer down = Readiness.await(server, Duration.ofSeconds(30),
                    answer -> answer.check("authvital-keys").getJsonObject("data").containsKey("last-failure"),
                    "a failed fetch in authvital-keys");
            assertEquals(503, down.status(), down.body().toString());
            assertFalse(down.up("authvital-keys"), down.body().toString());
            JsonObject data = down.check("authvital-keys").getJsonObject("data");
            assertEquals("AV1207", data.getString("last-failure"), data.toString());
            assertEquals(0, data.getInt("keys"), data.toString());

            idp.start();
            Readiness.Answer up = Readiness.await(server, KEYS_COME, answer -> answer.status() == 200,
                    "ready once the IdP serves its keys");
            JsonObject keys = up.check("authvital-keys").getJsonObject("data");
            assertTrue(keys.getInt("keys") >= 1, keys.toString());
            assertFalse(keys.containsKey("last-failure"), keys.toString());
        } finally {
            idp.stop();
        }
    }
}
