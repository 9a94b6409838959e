package com.authvital.jakarta.it.signin;

import static com.authvital.testing.SignInBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.SessionServlet;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.testing.Deployments;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser that had an {@code HttpSession} before signing in has another session id after it,
 * with the same attributes: an id planted before the sign-in (session fixation) is worth nothing after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInNewSessionIdIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signin-session-id", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.signin.flow-key", SignInIT.FLOW_KEY,
                        "authvital.cookie.secure", "false"),
                WhoAmIServlet.class, CurrentUser.class, SessionServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();
    private final SignInBrowser browser = new SignInBrowser();

    @BeforeEach
    void noTokenRateLimit() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
    }

    @AfterEach
    void contractLimitsAgain() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    @Test
    void theSessionIdChangesAtSignInAndTheSessionKeepsWhatItHeld() {
        String session = app + "session";
        assertEquals(200, browser.get(session + "?note=before-sign-in").statusCode());
        String before = browser.cookie(session, "JSESSIONID").orElseThrow(() -> new AssertionError("no JSESSIONID"));
        HttpResponse<String> start = browser.get(app + "login");
        HttpResponse<String> decided = browser.decide(location(start), "demo");

        HttpResponse<String> back = browser.get(location(decided));

        assertEquals(303, back.statusCode(), back.body());
        String after = browser.cookie(session, "JSESSIONID").orElseThrow(() -> new AssertionError("no JSESSIONID"));
        assertNotEquals(before, after, "the session id must change at sign-in");
        HttpResponse<String> kept = browser.get(session);
        assertTrue(TestHttp.json(kept).getBoolean("session"), kept.body());
        assertEquals("before-sign-in", TestHttp.json(kept).getString("note"));
    }
}
