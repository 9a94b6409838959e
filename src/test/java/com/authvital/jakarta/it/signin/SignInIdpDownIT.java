package com.authvital.jakarta.it.signin;

import com.authvital.jakarta.internal.flow.FlowCookies;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With nothing listening at {@code authvital.host}, the callback's failure page says the IdP
 * could not be used, with an id, and names neither the IdP's address nor the connection error:
 * those are in the server log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIdpDownIT {

    private static final int CLOSED_PORT = Deployments.closedPort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signin-idp-down", Map.of(
                "authvital.host", "http://127.0.0.1:" + CLOSED_PORT,
                "authvital.signin.path", "/login",
                "authvital.signin.callback-path", "/callback",
                "authvital.signin.flow-key", SignInIT.FLOW_KEY,
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    @Test
    void theFailurePageNamesNoAddressAndNoConnectionErrorAndTheLogHasThem() {
        String state = "state-" + System.nanoTime();
        String flow = FlowCookies.seal(SignInIT.FLOW_KEY, state, "n", "v", app + "callback", app.getPath(),
                Instant.now().plusSeconds(600));

        HttpResponse<String> back = new TestHttp(app).get("callback?state=" + state + "&code=a-well-formed-code-0123456789",
                "Accept", "text/html", "Cookie", FlowCookies.NAME + "=" + flow);

        assertEquals(503, back.statusCode(), back.body());
        assertTrue(back.body().contains("AV1432"), back.body());
        for (String detail : new String[] {String.valueOf(CLOSED_PORT), "127.0.0.1", "connection refused", "AV1201",
            "Exception"}) {
            assertFalse(back.body().contains(detail), detail + " in " + back.body());
        }
        // The outage in the log once, with its detail (AV1215W), not once per request.
        ServerLog.lineWith("AV1215W: ", "AV1201E: ", "127.0.0.1:" + CLOSED_PORT, "connection refused");
    }
}
