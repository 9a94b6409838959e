package com.authvital.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With nothing listening at 'authvital.host' requests are 503 naming the JWKS URL, and the filter recovers by itself once the IdP is up. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwksOutageIT {

    /** Where the IdP will be: nothing listens there when the application starts. */
    private static int idpPort;

    @Deployment(testable = false)
    static WebArchive deployment() {
        idpPort = Deployments.closedPort();
        return Deployments.war("jwks-outage", Map.of(
                        "authvital.host", "http://127.0.0.1:" + idpPort,
                        "authvital.filter.url-patterns", "/api/*"),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private HttpResponse<String> me(String token) {
        return new TestHttp(app).get("api/me", "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    @Test
    void requestsAre503WhileTheJwksCannotBeFetchedAndPassOnceTheIdpIsUp() throws InterruptedException {
        // Any well-formed RS256 token: the keys are needed before anything else can be checked.
        String token = Deployments.standIn().newUser().accessToken();

        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> down = me(token);

            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.headers().firstValue("Retry-After").isPresent(), down.headers().toString());
            assertEquals("temporarily_unavailable", json(down).getString("error"));
            String message = json(down).getString("message");
            assertTrue(message.startsWith("AV1206: "), message);
            assertFalse(message.contains(":" + idpPort), "the IdP's address is for the server log: " + message);
        }
        ServerLog.lineWith("AV1207: ", "http://127.0.0.1:" + idpPort + "/.well-known/jwks.json",
                "(connection refused)", "no token can be validated");

        try (StandInIdp idp = StandInIdp.start(idpPort, Deployments.CLIENT_ID)) {
            NewSession user = StandInClient.at(idp.baseUrl()).newUser();

            HttpResponse<String> up = me(user.accessToken());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (up.statusCode() != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                up = me(user.accessToken());
            }

            assertEquals(200, up.statusCode(), up.body());
            assertEquals(user.userId(), json(up).getString("principal"));
            ServerLog.lineWith("AV1208: ", "http://127.0.0.1:" + idpPort + "/.well-known/jwks.json");
        }
    }
}
