package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.jakarta.it.fixtures.OwnIdp.me;
import static com.authvital.jakarta.it.fixtures.OwnIdp.until;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.StandInClient.NewSession;
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

/** With nothing listening at 'authvital.host' requests are 503 naming the JWKS URL, and the filter recovers by itself once the IdP is up. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwksOutageIT {

    /** This class's own IdP: nothing listens there when the application starts. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.notListening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return idp.app("jwks-outage", Map.of());
    }

    @ArquillianResource
    URL app;

    @Test
    void requestsAre503WhileTheJwksCannotBeFetchedAndPassOnceTheIdpIsUp() throws InterruptedException {
        // Any well-formed RS256 token: the keys are needed before anything else can be checked.
        String token = Deployments.standIn().newUser().accessToken();

        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> down = me(app, token);

            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.headers().firstValue("Retry-After").isPresent(), down.headers().toString());
            assertEquals("temporarily_unavailable", json(down).getString("error"));
            String message = json(down).getString("message");
            assertTrue(message.startsWith("AV1206E: "), message);
            assertFalse(message.contains(":" + idp.port()), "the IdP's address is for the server log: " + message);
        }
        ServerLog.lineWith("AV1207W: ", idp.baseUrl() + "/.well-known/jwks.json",
                "(connection refused)", "no token can be validated");

        idp.start();
        NewSession user = idp.standIn().newUser();

        HttpResponse<String> up = until(() -> me(app, user.accessToken()), r -> r.statusCode() == 200);

        assertEquals(200, up.statusCode(), up.body());
        assertEquals(user.userId(), json(up).getString("principal"));
        ServerLog.lineWith("AV1208I: ", idp.baseUrl() + "/.well-known/jwks.json");
    }
}
