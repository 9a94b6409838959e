package com.authvital.jakarta.it.logout;

import static com.authvital.testing.SignInBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.Flood;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flood of anonymous logouts with made-up tokens re-admits no revoked token and costs no IdP
 * call: 200,000 {@code POST /logout} with a junk bearer token, a junk access token cookie or a
 * junk refresh token, after one device logged out; its access token is still 401 and the other
 * device's 200. Only a token that validates writes a denial.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RefreshFixtures.NoTokenRateLimit.class)
@RunAsClient
class JunkLogoutFloodIT {

    private static final int REQUESTS = 200_000;
    private static final int CLIENTS = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("junk-logout-flood", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.logout.path", "/logout",
                        "authvital.cookie.secure", "false"),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private String signIn() throws InterruptedException {
        Thread.sleep(1_100); // two sign-ins within one second would share one access token
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> start = browser.get(app + "login");
        HttpResponse<String> back = browser.get(location(browser.decide(location(start), "demo")));
        assertEquals(303, back.statusCode(), back.body());
        return browser.cookie(app.toString(), "access_token").orElseThrow();
    }

    private int me(String accessToken) {
        return new TestHttp(app).get("api/me", "Authorization", "Bearer " + accessToken).statusCode();
    }

    /** One junk logout: a made-up bearer, a made-up cookie, or a made-up refresh token in the form. */
    private static HttpRequest junk(URI logout, int i) {
        String made = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ" + UUID.randomUUID() + "In0.c2ln" + i;
        HttpRequest.Builder request = HttpRequest.newBuilder(logout).header("Accept", "application/json");
        return switch (i % 3) {
            case 0 -> request.header("Authorization", "Bearer " + made).POST(HttpRequest.BodyPublishers.noBody()).build();
            case 1 -> request.header("Cookie", "access_token=" + made).POST(HttpRequest.BodyPublishers.noBody()).build();
            default -> request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("refresh_token=" + made)).build();
        };
    }

    @Test
    void aLoggedOutTokenStaysRefusedAfter200000JunkLogoutsAndTheIdpIsNotCalled() throws Exception {
        idp.resetDemoUser();
        String laptop = signIn();
        String phone = signIn();
        HttpResponse<String> out = new TestHttp(app).send("POST", "logout", null, "Accept", "application/json",
                "Authorization", "Bearer " + laptop);
        assertEquals(200, out.statusCode(), out.body());
        assertEquals(401, me(laptop));
        int idpCallsBefore = idp.requests().size();

        URI logout = URI.create(app + "logout");
        Flood.Result flood = Flood.send(REQUESTS, CLIENTS, i -> junk(logout, i));
        double seconds = flood.seconds();
        System.out.printf("JunkLogoutFloodIT: %,d junk logouts in %.1f s, %,.0f a second%n", REQUESTS, seconds,
                REQUESTS / seconds);

        assertEquals(REQUESTS, flood.count(200), "every junk logout is answered as a logout");
        assertEquals(401, me(laptop), "the logged-out device stays refused");
        assertEquals(200, me(phone), "the other device is still signed in");
        assertTrue(idp.requestsAfter(idpCallsBefore).isEmpty(), "no junk token reached the IdP");
    }
}
