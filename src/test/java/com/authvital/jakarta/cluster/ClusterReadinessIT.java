package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Readiness;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On servers with MicroProfile Health, the module's readiness checks are there without a setting:
 * {@code authvital-store} goes DOWN on the server whose cache stopped (AV1501), and UP again once
 * its store is back (AV1502), while the other server stays ready; the keys and the IdP budget show
 * their data. Open Liberty's {@code mpHealth-4.0} ({@code liberty/cluster/server.xml}); WildFly's
 * {@code microprofile-health-smallrye} ({@code standalone-microprofile.xml}), on its management port.
 */
@ExtendWith(TwoServers.class)
class ClusterReadinessIT {

    private static final Duration NOTICED = Duration.ofSeconds(10);
    private static final Duration BACK = TwoServers.RETRY_INTERVAL.plusSeconds(60);

    private final Server a;
    private final Server b;

    ClusterReadinessIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @Test
    void theStoreCheckIsDownWhileAServersCacheIsOutAndUpAgainAfterItCameBack() {
        Readiness.Answer before = Readiness.await(b, NOTICED, answer -> answer.status() == 200, "B ready");
        assertEquals(0, before.check("authvital-store").getJsonObject("data").getInt("pending-writes"), before.body().toString());
        long mark = b.logMark();

        HttpResponse<String> stopped = new TestHttp(b.app()).post("test/hazelcast/stop");
        assertEquals(200, stopped.statusCode(), stopped.body());
        b.awaitLog(mark, NOTICED, "AV1501");
        try {
            Readiness.Answer down = Readiness.of(b);
            assertEquals(503, down.status(), down.body().toString());
            assertFalse(down.up("authvital-store"), down.body().toString());
            assertTrue(down.up("authvital-keys"), "the keys are not the store's: " + down.body());
            Readiness.Answer other = Readiness.of(a);
            assertEquals(200, other.status(), "A still reaches the cache: " + other.body());
        } finally {
            b.awaitLog(mark, BACK, "AV1502");
        }
        Readiness.Answer back = Readiness.await(b, NOTICED, answer -> answer.status() == 200, "B ready again after AV1502");
        assertTrue(back.up("authvital-store"), back.body().toString());
    }

    @Test
    void theKeysAndTheBudgetShowWhatTheServerKnows() {
        Readiness.Answer ready = Readiness.await(a, NOTICED, answer -> answer.status() == 200, "A ready");

        JsonObject keys = ready.check("authvital-keys").getJsonObject("data");
        assertTrue(keys.getInt("keys") >= 1, keys.toString());
        assertTrue(keys.containsKey("last-success"), keys.toString());
        assertFalse(keys.containsKey("last-failure"), keys.toString());
        JsonObject budget = ready.check("authvital-idp-budget").getJsonObject("data");
        assertTrue(ready.up("authvital-idp-budget"), ready.body().toString());
        assertTrue(budget.containsKey("token-calls-last-minute"), budget.toString());
        assertEquals(100_000, budget.getInt("token-calls-per-minute"), "the cluster's lifted budget: " + budget);
    }
}
