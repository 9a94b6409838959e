package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.ServerLog;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.TestHttp;
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

/**
 * When the IdP stops answering after its keys were fetched, a request that needs a refresh gets
 * 503 whose body names neither the IdP's address nor the connection error; the server log does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefreshIdpDownIT {

    /** This class's own IdP: the test stops it. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return idp.app("refresh-idp-down", Map.of("authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    @Test
    void the503NamesNoAddressAndNoConnectionErrorAndTheLogHasThem() {
        NewSession user = idp.standIn().newUser();
        assertEquals(200, OwnIdp.me(app, user.accessToken()).statusCode(), "the keys are fetched");
        String browser = cookies(expiredAccessToken(idp.standIn(), user.userId()), user.refreshToken());
        idp.stop();

        HttpResponse<String> down = new TestHttp(app).get("api/me", "Accept", "application/json", "Cookie", browser);

        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.headers().firstValue("Retry-After").isPresent(), down.headers().toString());
        assertTrue(json(down).getString("message").startsWith("AV1432E: "), down.body());
        for (String detail : new String[] {String.valueOf(idp.port()), "127.0.0.1", "connection refused", "AV1201",
            "Exception"}) {
            assertFalse(down.body().contains(detail), detail + " in " + down.body());
        }
        // The outage in the log once, with its detail (AV1215W), not once per request.
        ServerLog.lineWith("AV1215W: ", "AV1201E: ", "127.0.0.1:" + idp.port(), "connection refused");
    }
}
