package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser logout of the contract: {@code GET /api/auth/logout/redirect}, and no
 * {@code GET /oauth/logout}.
 */
class BrowserLogoutTest {

    private static final String CLEARED = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax";

    @RegisterExtension
    static final RunningStandIn standIn = new RunningStandIn();

    private static IdpHttp.Answer logout(String postLogoutUri, String... headers) {
        return standIn.http().send("GET", "/api/auth/logout/redirect?post_logout_redirect_uri="
                + URLEncoder.encode(postLogoutUri, StandardCharsets.UTF_8), null, headers);
    }

    private static boolean revoked(String sessionId) {
        return standIn.http().send("GET", "/dev/sessions/" + sessionId, null).json().getBoolean("revoked");
    }

    /** GET /oauth/logout is the NestJS 404 of a missing route, as at the real IdP; discovery still names it. */
    @Test
    void thereIsNoGetOauthLogout() {
        IdpHttp.Answer answer = standIn.http().send("GET", "/oauth/logout?post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%2F", null);

        assertEquals(404, answer.status());
        assertEquals("{\"statusCode\":404,\"message\":\"Cannot GET /oauth/logout?post_logout_redirect_uri="
                + "http%3A%2F%2F127.0.0.1%2F\",\"error\":\"Not Found\"}", answer.body());
        assertEquals(standIn.idp().baseUrl() + "/oauth/logout", standIn.http().send("GET", "/.well-known/openid-configuration", null)
                .json().getString("end_session_endpoint"));
    }

    /** It revokes the session of the refresh_token cookie, clears the IdP's cookies and redirects to a loopback URI as it is. */
    @Test
    void revokesTheCookiesSessionClearsTheCookiesAndRedirects() {
        IdpHttp.NewSession user = standIn.http().newUser();
        IdpHttp.NewSession otherDevice = standIn.http().session("{\"userId\":\"" + user.userId() + "\"}");
        String target = "http://127.0.0.1:9080/app/goodbye?x=1&y=2";

        IdpHttp.Answer answer = logout(target, "Cookie", "idp_session=m; refresh_token=" + user.refreshToken());

        assertEquals(302, answer.status(), answer.body());
        assertEquals(target, IdpHttp.location(answer));
        assertTrue(revoked(user.sessionId()));
        assertFalse(revoked(otherDevice.sessionId()));
        assertEquals(List.of("idp_session" + CLEARED, "auth_token" + CLEARED, "access_token" + CLEARED,
                "refresh_token" + CLEARED), answer.cookies());
    }

    /** A tenant's sub-domain of localhost is a loopback origin too. */
    @Test
    void aTenantSubDomainOfLocalhostIsFollowed() {
        IdpHttp.Answer answer = logout("http://acme.localhost:9080/app/goodbye");

        assertEquals(302, answer.status());
        assertEquals("http://acme.localhost:9080/app/goodbye", IdpHttp.location(answer));
    }

    /** Any other target gets the "You've been logged out" page and no redirect. */
    @Test
    void anUnregisteredTargetGetsTheLoggedOutPage() {
        for (String target : List.of("https://evil.example/", "//evil.example/", "/relative", "javascript:alert(1)",
                "http://127.0.0.1.evil.example/", "http://user@127.0.0.1/")) {
            IdpHttp.Answer answer = logout(target);

            assertEquals(200, answer.status(), target);
            assertEquals("text/html; charset=utf-8", answer.contentType());
            assertTrue(answer.body().contains("You&#39;ve been logged out"), answer.body());
            assertTrue(answer.headers().firstValue("Location").isEmpty(), target);
        }
        assertEquals(200, standIn.http().send("GET", "/api/auth/logout/redirect", null).status(), "no target at all");
    }

    /** The request log records the browser logout, so that a module's test can see the browser went there. */
    @Test
    void theRequestIsRecorded() {
        standIn.http().send("DELETE", "/dev/requests", null);

        logout("http://127.0.0.1:9080/bye");

        String log = standIn.http().send("GET", "/dev/requests", null).body();
        assertTrue(log.contains("\"path\":\"/api/auth/logout/redirect\",\"query\":\"post_logout_redirect_uri="
                + "http%3A%2F%2F127.0.0.1%3A9080%2Fbye\""), log);
    }
}
