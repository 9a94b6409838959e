package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.testing.SetCookies.assertBothCleared;
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
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
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

/**
 * A refresh the IdP refuses: {@code interaction_required} keeps the cookies (nothing was revoked)
 * and asks for a sign-in, a navigation at the login URL, an API call with 401 AV1107; any other
 * refusal (a revoked or expired session) clears both cookies and answers the usual 401 (AV1108)
 * or sends a navigation to the login URL.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class RefreshRefusedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-refused", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.filter.login-url", "/login")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> get(String path, String... headers) {
        return new TestHttp(app).send("GET", path, null, headers);
    }

    @Test
    void interactionRequiredAnswersAnApiCall401WithAV1107AndKeepsTheCookies() {
        NewSession user = idp.newUser();
        idp.interactionRequired(user.userId(), true);
        try {
            HttpResponse<String> me = get("api/me", "Accept", "application/json",
                    "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

            assertEquals(401, me.statusCode(), me.body());
            assertTrue(json(me).getString("message").startsWith("AV1107E: "), me.body());
            assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("").contains("AV1107"),
                    me.headers().map().toString());
            assertEquals(List.of(), me.headers().allValues("Set-Cookie"), "the refresh token is still good");
        } finally {
            idp.interactionRequired(user.userId(), false);
        }
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    @Test
    void interactionRequiredSendsANavigationToTheLoginUrlBackToWhereItWasGoing() {
        NewSession user = idp.newUser();
        idp.interactionRequired(user.userId(), true);
        try {
            HttpResponse<String> page = get("api/me?tab=2", "Accept", "text/html,application/xhtml+xml",
                    "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

            assertEquals(302, page.statusCode(), page.body());
            URI login = URI.create(page.headers().firstValue("Location").orElseThrow());
            assertEquals(app.getPath() + "login", login.getPath());
            assertEquals("redirect=%2Fapi%2Fme%3Ftab%3D2", login.getRawQuery());
            assertEquals(List.of(), page.headers().allValues("Set-Cookie"), "the refresh token is still good");
        } finally {
            idp.interactionRequired(user.userId(), false);
        }
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    @Test
    void aRevokedSessionClearsBothCookiesAndAnswers401WithAV1108() {
        NewSession user = idp.newUser();
        revoke(user);

        HttpResponse<String> me = get("api/me", "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(401, me.statusCode(), me.body());
        assertTrue(json(me).getString("message").startsWith("AV1108E: "), me.body());
        assertBothCleared(me, "Path=/; HttpOnly; SameSite=Lax");
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    @Test
    void aRevokedSessionSendsANavigationToTheLoginUrlWithBothCookiesCleared() {
        NewSession user = idp.newUser();
        revoke(user);

        HttpResponse<String> page = get("api/me", "Accept", "text/html",
                "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(302, page.statusCode(), page.body());
        assertEquals(app.getPath() + "login", URI.create(page.headers().firstValue("Location").orElseThrow()).getPath());
        assertBothCleared(page, "Path=/; HttpOnly; SameSite=Lax");
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    @Test
    void aSessionExpiredAtTheIdpClearsBothCookiesAndAnswers401WithAV1108() {
        Instant signedIn = Instant.now().minus(Duration.ofDays(8));
        NewSession user = idp.session(Map.of("createdAt", signedIn, "expiresAt", signedIn.plus(Duration.ofDays(7))));

        HttpResponse<String> me = get("api/me", "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(401, me.statusCode(), me.body());
        assertTrue(json(me).getString("message").startsWith("AV1108E: "), me.body());
        assertTrue(json(me).getString("message").contains("Session expired"), me.body());
        assertBothCleared(me, "Path=/; HttpOnly; SameSite=Lax");
        assertRefreshCounts(idp, user.userId(), 1, 0, 0);
    }

    /** Revokes the user's session at the IdP, as "sign out this device" on another device would. */
    private static void revoke(NewSession user) {
        HttpResponse<String> revoked = new TestHttp(url(Deployments.idp().baseUrl())).post(
                "oauth/sessions/" + user.sessionId() + "/revoke", "Authorization", "Bearer " + user.accessToken());
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(json(revoked).getBoolean("success"), revoked.body());
    }

    private static URL url(String base) {
        try {
            return URI.create(base.endsWith("/") ? base : base + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(base, e);
        }
    }
}
