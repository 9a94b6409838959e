package com.authvital.jakarta.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Readiness;
import com.authvital.jakarta.it.fixtures.OwnIdp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On WildFly with {@code microprofile-health-smallrye} ({@code standalone-microprofile.xml}, the
 * test server's configuration), an application deployed while its IdP serves no keys is not ready
 * ({@code authvital-keys} DOWN, {@code AV1207} its last failure) on the management port's
 * {@code /health/ready}, and ready by itself, without a request, once the IdP listens. Open
 * Liberty's side is {@code KeysReadinessIT}: its Arquillian server has no {@code mpHealth}.
 */
@Tag("wildfly-only")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyReadinessIT {

    @RegisterExtension
    static final OwnIdp IDP = OwnIdp.notListening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return IDP.app("wildfly-readiness", Map.of());
    }

    private static URI management() {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("wildfly.management.port", 10290) + "/");
    }

    @Test
    void notReadyUntilTheIdpServesItsKeysThenReadyWithoutARequest() {
        Readiness.Answer down = Readiness.await(() -> Readiness.at(management()), Duration.ofSeconds(20),
                answer -> answer.check("authvital-keys").getJsonObject("data").containsKey("last-failure"),
                "a failed fetch in authvital-keys");
        assertEquals(503, down.status(), down.body().toString());
        assertFalse(down.up("authvital-keys"), down.body().toString());
        assertEquals("AV1207", down.check("authvital-keys").getJsonObject("data").getString("last-failure"));
        assertTrue(down.up("authvital-idp-budget"), "a budget never makes a server unready: " + down.body());

        IDP.start();
        Readiness.Answer up = Readiness.await(() -> Readiness.at(management()), Duration.ofSeconds(45),
                answer -> answer.status() == 200, "ready once the IdP serves its keys");
        JsonObject keys = up.check("authvital-keys").getJsonObject("data");
        assertTrue(keys.getInt("keys") >= 1, keys.toString());
        assertFalse(keys.containsKey("last-failure"), keys.toString());
    }
}
