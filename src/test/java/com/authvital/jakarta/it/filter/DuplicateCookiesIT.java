package com.authvital.jakarta.it.filter;

import com.authvital.jakarta.internal.flow.FlowCookies;
import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two different {@code refresh_token} cookies, or two different sign-in flow cookies, are refused
 * rather than guessed at, as two access tokens are: a sibling sub-domain can set a cookie of the
 * same name for the whole domain (cookie tossing), and the browser sends both. Neither reaches the IdP.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class DuplicateCookiesIT {

    /** The key of the sign-in flow cookies this test seals itself. */
    private static final String FLOW_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("duplicate-cookies", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.signin.flow-key", FLOW_KEY)),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void twoDifferentRefreshTokenCookiesAre401AndNeitherIsSentToTheIdp() {
        NewSession user = idp.newUser();
        NewSession tossed = idp.newUser();

        HttpResponse<String> me = new TestHttp(app).get("api/me", "Accept", "application/json", "Cookie",
                "access_token=" + expiredAccessToken(idp, user.userId()) + "; refresh_token=" + user.refreshToken()
                        + "; refresh_token=" + tossed.refreshToken());

        assertEquals(401, me.statusCode(), me.body());
        assertTrue(json(me).getString("message").startsWith("AV1020E: "), me.body());
        assertRefreshCounts(idp, user.userId(), 0, 0, 0);
        assertRefreshCounts(idp, tossed.userId(), 0, 0, 0);
    }

    @Test
    void twoDifferentSignInFlowCookiesAre400AndTheCodeIsNotExchanged() {
        String callbackUrl = app + "callback";
        String mine = FlowCookies.seal(FLOW_KEY, "state-mine", "n", "v", callbackUrl, app.getPath(),
                Instant.now().plusSeconds(600));
        String tossed = FlowCookies.seal(FLOW_KEY, "state-tossed", "n", "v", callbackUrl, app.getPath(),
                Instant.now().plusSeconds(600));
        int before = idp.requests().size();

        HttpResponse<String> back = new TestHttp(app).get("callback?state=state-tossed&code=the-attackers-code",
                "Accept", "text/html", "Cookie", FlowCookies.NAME + "=" + tossed + "; " + FlowCookies.NAME + "=" + mine);

        assertEquals(400, back.statusCode(), back.body());
        assertTrue(back.body().contains("AV1431"), back.body());
        assertEquals(List.of(), idp.requestsAfter(before), "nothing was sent to the IdP");
    }
}
