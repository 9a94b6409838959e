package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.jakarta.it.fixtures.OwnIdp.me;
import static com.authvital.jakarta.it.fixtures.OwnIdp.until;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.ServerLog;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** While the IdP's JWKS answers 503 the filter answers 503 saying so, and it recovers by itself when the JWKS is back. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwksFaultIT {

    /** This class's own IdP: its JWKS is broken on purpose. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // No readiness checks: with them (MicroProfile Health, on WildFly's test server) the keys are
        // fetched as the application starts; without, at the first request, where this test begins.
        return idp.app("jwks-fault", Map.of("authvital.health.enabled", "false"));
    }

    @ArquillianResource
    URL app;

    @Test
    void aJwksAnswering503Is503UntilItAnswersTheKeysAgain() throws InterruptedException {
        StandInClient standIn = idp.standIn();
        NewSession user = standIn.newUser();
        standIn.jwksFault(503);
        try {
            HttpResponse<String> down = me(app, user.accessToken());

            assertEquals(503, down.statusCode(), down.body());
            assertEquals("temporarily_unavailable", json(down).getString("error"));
            String message = json(down).getString("message");
            assertTrue(message.startsWith("AV1206E: "), message);
            assertFalse(message.contains(idp.baseUrl()), "the IdP's address is for the server log: " + message);
            ServerLog.lineWith("AV1207W: ", idp.baseUrl() + "/.well-known/jwks.json", "(answered 503)");
            assertTrue(standIn.jwksFetches() >= 1, "the filter asked the IdP for its keys");
        } finally {
            standIn.clearJwksFault();
        }

        HttpResponse<String> up = until(() -> me(app, user.accessToken()), r -> r.statusCode() == 200);

        assertEquals(200, up.statusCode(), up.body());
        assertEquals(user.userId(), json(up).getString("principal"));
    }
}
