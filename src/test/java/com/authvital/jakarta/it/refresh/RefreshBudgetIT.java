package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.accessTokenExpiringIn;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refresh over this server's own budget of token calls ({@code authvital.idp.token-budget}, two
 * a minute here) is not sent to the IdP and goes as after the IdP's 429: 503 with
 * {@code Retry-After} without a valid access token (AV1422), the request served with one.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class RefreshBudgetIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-budget", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.idp.token-budget", "2")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> me(String cookies) {
        return new TestHttp(app).get("api/me", "Accept", "application/json", "Cookie", cookies);
    }

    /** Refreshes of new users with expired access tokens until one is refused: at most the budget and one. */
    private NewSession spendTheBudget() {
        for (int i = 0; i < 3; i++) {
            NewSession user = idp.newUser();
            HttpResponse<String> me = me(cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));
            if (me.statusCode() == 503) {
                return user;
            }
            assertEquals(200, me.statusCode(), me.body());
        }
        throw new AssertionError("a budget of two refreshes a minute granted three");
    }

    @Test
    void aRefreshOverTheBudgetWithoutAValidAccessTokenGets503WithRetryAfterAndNeverReachesTheIdp() {
        NewSession refused = spendTheBudget();
        HttpResponse<String> me = me(cookies(expiredAccessToken(idp, refused.userId()), refused.refreshToken()));

        assertEquals(503, me.statusCode(), me.body());
        long retryAfter = Long.parseLong(me.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(json(me).getString("message").startsWith("AV1422E: "), me.body());
        assertEquals(List.of(), me.headers().allValues("Set-Cookie"), "the cookies stay");
        assertRefreshCounts(idp, refused.userId(), 0, 0, 0);
    }

    @Test
    void aStillValidAccessTokenNearItsExpiryGoesOnWhenTheBudgetIsSpent() {
        spendTheBudget();
        NewSession user = idp.newUser();
        String nearExpiry = accessTokenExpiringIn(idp, user.userId(), Duration.ofSeconds(15));

        HttpResponse<String> me = me(cookies(nearExpiry, user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(List.of(), me.headers().allValues("Set-Cookie"));
        assertRefreshCounts(idp, user.userId(), 0, 0, 0);
    }
}
