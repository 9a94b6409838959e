package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.SessionServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A POST to the logout servlet revokes the refresh token's session at the IdP, ends the HttpSession and clears both cookies; any other method changes nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutServletIT {

    /** The attributes the cookies are written with in this deployment, besides Max-Age and Expires. */
    private static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax";
    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-servlet", Map.of(
                        "authvital.logout.path", "/logout",
                        "authvital.cookie.secure", "false"),
                SessionServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject idpAnswer(boolean success, String message) {
        return json("{\"success\":true,\"idp\":{\"called\":true,\"reached\":true,\"success\":" + success
                + ",\"message\":\"" + message + "\"}}");
    }

    private HttpResponse<String> logout(String body, String... headers) {
        return new TestHttp(app).send("POST", "logout", body, headers);
    }

    @Test
    void aGetAnswers405AllowPostAndLogsNobodyOut() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        HttpResponse<String> get = new TestHttp(app).get("logout", "Accept", JSON,
                "Cookie", "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken());

        assertEquals(405, get.statusCode(), get.body());
        assertEquals(List.of("POST"), get.headers().allValues("Allow"));
        assertEquals(List.of(), get.headers().allValues("Set-Cookie"));
        assertFalse(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before));
    }

    /** RFC 9110 §15.5.6: a 405 MUST carry Allow; the servlet sets it only for GET (and HEAD, which runs doGet). */
    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "PUT", "DELETE"})
    void anyOtherMethodAnswers405AllowPostAndLogsNobodyOut(String method) {
        NewSession user = idp.newUser();

        HttpResponse<String> other = new TestHttp(app).send(method, "logout", null, "Accept", JSON,
                "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(405, other.statusCode(), other.body());
        assertEquals(List.of("POST"), other.headers().allValues("Allow"), method);
        assertEquals(List.of(), other.headers().allValues("Set-Cookie"));
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void theRefreshTokenCookieIsRevokedAndBothCookiesAreCleared() {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());

        HttpResponse<String> out = logout(null, "Accept", JSON,
                "Cookie", "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("Content-Type").orElse("").startsWith(JSON), out.headers().toString());
        assertEquals(idpAnswer(true, "Session revoked successfully"), json(out.body()));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        // Liberty joins its own no-cache="set-cookie" to the servlet's directive in one header.
        assertTrue(out.headers().allValues("Cache-Control").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).anyMatch("no-store"::equals), out.headers().toString());
        assertEquals(Optional.empty(), out.headers().firstValue("Clear-Site-Data"), "off unless configured");
        assertTrue(idp.isRevoked(user.sessionId()));
        assertFalse(idp.isRevoked(otherDevice.sessionId()), "only this browser's session ends");
    }

    @Test
    void aRefreshTokenInAFormFieldIsRevoked() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = logout("refresh_token=" + user.refreshToken(), "Accept", JSON,
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(idpAnswer(true, "Session revoked successfully"), json(out.body()));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aRefreshTokenInAJsonBodyIsRevoked() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = logout("{\"refresh_token\":\"" + user.refreshToken() + "\"}", "Accept", JSON,
                "Content-Type", "application/json; charset=UTF-8");

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(idpAnswer(true, "Session revoked successfully"), json(out.body()));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void withoutAnyCookieTheLogoutSucceedsWithoutCallingTheIdpAndStillClearsTheCookies() {
        int before = idp.requests().size();

        HttpResponse<String> out = logout(null, "Accept", JSON);

        assertEquals(200, out.statusCode(), out.body());
        JsonObject body = json(out.body());
        assertTrue(body.getBoolean("success"), out.body());
        assertFalse(body.getJsonObject("idp").getBoolean("called"), out.body());
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertEquals(List.of(), idp.requestsAfter(before), "nothing to revoke, nothing sent");
    }

    /** TokenExtractor.refreshToken promises "empty when [...] the body is not readable"; Liberty's getParameter throws on a bad escape. */
    @Test
    void aFormBodyWithAMalformedEscapeIsReadAsNoTokenAndTheCookiesAreStillCleared() {
        HttpResponse<String> out = logout("refresh_token=%zz", "Accept", JSON,
                "Content-Type", "application/x-www-form-urlencoded");

        // No body in the message: on a 500 it is Liberty's error page; messages.log has the cause.
        assertEquals(200, out.statusCode(), "refresh_token=%zz");
        assertTrue(json(out.body()).getBoolean("success"), out.body());
        assertFalse(json(out.body()).getJsonObject("idp").getBoolean("called"), out.body());
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
    }

    @Test
    void aGarbageRefreshTokenIsNotSentToTheIdpAndTheBrowserIsLoggedOut() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        HttpResponse<String> out = logout(null, "Accept", JSON, "Cookie", "refresh_token=not-a-jwt");

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(json("{\"success\":true,\"idp\":{\"called\":false,\"message\":"
                + "\"Not a valid refresh token of this application: nothing to revoke\"}}"), json(out.body()));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertFalse(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before), "a made-up token costs no IdP call");
    }

    @Test
    void aReplayedLogoutOfAnEndedSessionCostsNoIdpCallAndStillSucceeds() {
        NewSession user = idp.newUser();
        logout(null, "Accept", JSON, "Cookie", "refresh_token=" + user.refreshToken());
        int before = idp.requests().size();

        HttpResponse<String> again = logout(null, "Accept", JSON, "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(200, again.statusCode(), again.body());
        assertEquals(json("{\"success\":true,\"idp\":{\"called\":false,\"message\":"
                + "\"The session of this refresh token has already ended: nothing to revoke\"}}"), json(again.body()));
        SetCookies.assertBothCleared(again, COOKIE_ATTRIBUTES);
        assertTrue(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before), "a replayed token spends nothing of the IdP's limit");
    }

    /** A refresh token cookie tossed by a sibling sub-domain does not shield the browser's own from the logout. */
    @Test
    void withTwoRefreshTokenCookiesEachLiveSessionIsRevoked() {
        NewSession mine = idp.newUser();
        NewSession tossed = idp.newUser();

        HttpResponse<String> out = logout(null, "Accept", JSON, "Cookie",
                "refresh_token=" + tossed.refreshToken() + "; refresh_token=" + mine.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertTrue(idp.isRevoked(mine.sessionId()), "the browser's own session");
        assertTrue(idp.isRevoked(tossed.sessionId()));
    }

    @Test
    void theHttpSessionIsInvalidated() {
        TestHttp http = new TestHttp(app);
        HttpResponse<String> started = http.get("session?note=kept");
        String sessionCookie = started.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session started: " + started.headers()))
                .split(";", 2)[0];
        assertEquals(json("{\"session\":true,\"note\":\"kept\"}"), json(http.get("session", "Cookie", sessionCookie).body()));

        HttpResponse<String> out = logout(null, "Accept", JSON, "Cookie", sessionCookie);

        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertBothClearedBesidesTheSessionCookie(out, COOKIE_ATTRIBUTES);
        assertEquals(json("{\"session\":false}"), json(http.get("session", "Cookie", sessionCookie).body()));
    }

    @Test
    void aBrowserIsSentToTheApplicationsRootWith303() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = logout(null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
                "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(303, out.statusCode(), out.body());
        assertEquals(List.of(app.getPath()), out.headers().allValues("Location"));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertTrue(idp.isRevoked(user.sessionId()));
    }
}
