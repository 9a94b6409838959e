package com.authvital.jakarta.it.refresh;

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
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code authvital.refresh.reuse.notify-idp=true}, a spent refresh token presented after the
 * grace is also shown to the IdP, once: the IdP revokes every session of the user (its family
 * revocation), the other devices' included.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class RefreshReuseReportedIT {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-reuse-reported", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.refresh.grace", GRACE.toSeconds() + "s",
                        "authvital.refresh.reuse.notify-idp", "true")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> me(String cookies) {
        return new TestHttp(app).send("GET", "api/me", null, "Cookie", cookies);
    }

    @Test
    void theIdpIsShownTheReusedTokenOnceAndSignsTheUserOutEverywhere() throws InterruptedException {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());
        String oldBrowser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        Map<String, SetCookie> renewed = tokenCookies(me(oldBrowser));
        assertEquals(2, renewed.size(), "refreshed");
        Thread.sleep(GRACE.plusSeconds(1).toMillis());

        HttpResponse<String> late = me(oldBrowser);
        HttpResponse<String> again = me(oldBrowser);

        assertEquals(401, late.statusCode(), late.body());
        assertTrue(json(late).getString("message").startsWith("AV1411E: "), late.body());
        assertEquals(401, again.statusCode(), again.body());
        assertRefreshCounts(idp, user.userId(), 2, 1, 1);
        assertTrue(idp.isRevoked(otherDevice.sessionId()), "the IdP revoked the user's other sessions");
    }
}
