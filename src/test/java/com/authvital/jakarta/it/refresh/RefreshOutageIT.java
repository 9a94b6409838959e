package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.accessTokenExpiringIn;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The IdP down, slow or rate-limiting during a refresh signs nobody out: the cookies stay; without
 * a valid access token the answer is 503 with {@code Retry-After} (the IdP's own after a 429), and
 * once the IdP is back the same cookies refresh; with a still-valid access token the request goes on.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class RefreshOutageIT {

    /** Wide, so that a valid token near its expiry is refreshed. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-outage", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.refresh.margin", MARGIN.toSeconds() + "s",
                        "authvital.read-timeout", READ_TIMEOUT.toMillis() + "ms")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @AfterEach
    void theIdpAnswersAgain() {
        idp.clearTokenFault();
    }

    private HttpResponse<String> me(String cookies) {
        return new TestHttp(app).send("GET", "api/me", null, "Cookie", cookies);
    }

    @Test
    void anHtmlOutagePageAnswers503AndKeepsTheCookiesThatRefreshOnceTheIdpIsBack() {
        NewSession user = idp.newUser();
        String browser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        idp.tokenFault(Json.createObjectBuilder().add("status", 503).add("contentType", "text/html")
                .add("body", "<html><body><h1>503 Service Unavailable</h1></body></html>").build());

        HttpResponse<String> down = me(browser);

        assertUnavailable(down, "5");
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
        idp.clearTokenFault();
        HttpResponse<String> back = me(browser);
        assertEquals(200, back.statusCode(), back.body());
        assertEquals(user.userId(), json(back).getString("principal"));
        tokenCookies(back);
        assertRefreshCounts(idp, user.userId(), 2, 1, 0);
    }

    @Test
    void anIdpSlowerThanTheReadTimeoutAnswers503AndKeepsTheCookies() {
        NewSession user = idp.newUser();
        idp.tokenFault(Json.createObjectBuilder().add("delayMs", READ_TIMEOUT.multipliedBy(3).toMillis()).build());

        HttpResponse<String> slow = me(cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertUnavailable(slow, "5");
        assertTrue(json(slow).getString("message").startsWith("AV1202E: "), slow.body());
    }

    /**
     * The IdP may have rotated the refresh token before its answer was lost to the timeout: the
     * module never presents that token again (the IdP would take it for theft and revoke every
     * session of the user); this device signs in again.
     */
    @Test
    void aRefreshTokenWhoseRefreshTimedOutIsNeverSentToTheIdpAgain() throws InterruptedException {
        NewSession user = idp.newUser();
        String browser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        idp.tokenFault(Json.createObjectBuilder().add("delayMs", READ_TIMEOUT.multipliedBy(3).toMillis()).build());
        assertEquals(503, me(browser).statusCode());
        idp.clearTokenFault();

        HttpResponse<String> again = me(browser);

        assertEquals(401, again.statusCode(), again.body());
        assertTrue(json(again).getString("message").startsWith("AV1411E: "), again.body());
        Thread.sleep(READ_TIMEOUT.multipliedBy(3).toMillis()); // the stalled call ends at the IdP too
        assertEquals(0, idp.tokenStats(user.userId()).getInt("familyRevocations"));
        assertEquals(1, idp.tokenStats(user.userId()).getInt("refreshRequests"), "one call, never a second");
    }

    @Test
    void aRateLimitingIdpAnswers503WithItsOwnRetryAfterAndKeepsTheCookies() throws InterruptedException {
        NewSession user = idp.newUser();
        String browser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        idp.tokenFault(Json.createObjectBuilder().add("status", 429).add("retryAfterSeconds", 2)
                .add("contentType", "application/json")
                .add("body", "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}").build());

        HttpResponse<String> limited = me(browser);

        assertUnavailable(limited, "2");
        assertTrue(json(limited).getString("message").startsWith("AV1213E: "), limited.body());
        idp.clearTokenFault();
        // Within the IdP's Retry-After the module makes no token call at all.
        assertEquals(503, me(browser).statusCode());
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
        Thread.sleep(2_100);
        HttpResponse<String> later = me(browser);
        assertEquals(200, later.statusCode(), later.body());
        tokenCookies(later);
        assertRefreshCounts(idp, user.userId(), 2, 1, 0);
    }

    @Test
    void aStillValidAccessTokenNearItsExpiryGoesOnWhileTheIdpIsDown() {
        NewSession user = idp.newUser();
        String nearExpiry = accessTokenExpiringIn(idp, user.userId(), MARGIN.dividedBy(2));
        idp.tokenFault(Json.createObjectBuilder().add("status", 503).build());

        HttpResponse<String> me = me(cookies(nearExpiry, user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(List.of(), me.headers().allValues("Set-Cookie"));
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    /** 503 with this Retry-After, the IdP-unavailable body, and no Set-Cookie: the browser keeps its tokens. */
    private static void assertUnavailable(HttpResponse<String> answer, String retryAfter) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals(retryAfter, answer.headers().firstValue("Retry-After").orElse(null));
        JsonObject body = json(answer);
        assertEquals("temporarily_unavailable", body.getString("error"), answer.body());
        assertEquals(List.of(), answer.headers().allValues("Set-Cookie"), "the cookies stay through an outage");
    }
}
