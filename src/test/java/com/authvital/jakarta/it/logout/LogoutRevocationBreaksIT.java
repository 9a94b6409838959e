package com.authvital.jakarta.it.logout;

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.BrokenRevocation;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.SetCookies;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logging out is best effort at the IdP: whatever the revocation throws, an Error such as
 * NoClassDefFoundError included, the servlet still clears both cookies and answers as usual,
 * saying the IdP was not reached, with a short message and no internal detail; the server log
 * has the failure, never the token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutRevocationBreaksIT {

    private static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-revocation-breaks", Map.of(
                        "authvital.logout.path", "/logout",
                        "authvital.cookie.secure", "false"),
                BrokenRevocation.class);
    }

    /** The test server's log; Failsafe passes its path. */
    private static final Path SERVER_LOG = ServerLog.file();

    @ArquillianResource
    URL app;

    /** A valid refresh token of a new user whose id makes {@link BrokenRevocation} break that way. */
    private static String refreshTokenOf(String breaking) {
        return Deployments.standIn().session(Map.of("userId", breaking + "-" + UUID.randomUUID())).refreshToken();
    }

    /** The server log from the last line that holds {@code text} on, waiting a little for it. */
    private static String awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
            int at = log.lastIndexOf(text);
            if (at >= 0) {
                return log.substring(at);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in " + SERVER_LOG);
            }
            Thread.sleep(100);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BrokenRevocation.ERROR, BrokenRevocation.RUNTIME})
    void theCookiesAreClearedAndTheAnswerSaysTheIdpWasNotReached(String breaking) {
        String refreshToken = refreshTokenOf(breaking);
        HttpResponse<String> out = new TestHttp(app).post("logout", "Accept", "application/json",
                "Cookie", "refresh_token=" + refreshToken);

        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        JsonObject body = json(out);
        assertTrue(body.getBoolean("success"), out.body());
        JsonObject idp = body.getJsonObject("idp");
        assertTrue(idp.getBoolean("called"), out.body());
        assertFalse(idp.getBoolean("reached"), out.body());
        assertFalse(idp.getBoolean("success"), out.body());
        assertTrue(idp.getString("message").matches("AV\\d{4}[IWE]: .+"), out.body());
        assertFalse(out.body().contains(BrokenRevocation.INTERNAL), out.body());
        assertFalse(out.body().contains("RestClientBuilder"), out.body());
        assertFalse(out.body().contains("RESTEASY"), out.body());
    }

    @Test
    void theServerLogHasTheFailureButNeverTheToken() throws Exception {
        String token = refreshTokenOf(BrokenRevocation.RUNTIME);

        HttpResponse<String> out = new TestHttp(app).post("logout", "Accept", "application/json",
                "Cookie", "refresh_token=" + token);

        assertEquals(200, out.statusCode(), out.body());
        assertTrue(json(out).getJsonObject("idp").getString("message").startsWith("AV1301E: "), out.body());
        String log = awaitLog("AV1304W: the logout could not revoke");
        assertTrue(log.contains("RESTEASY004655"), log);
        assertTrue(log.contains("[redacted]"), log);
        assertFalse(Files.readString(SERVER_LOG, StandardCharsets.UTF_8).contains(token), "no token in the server log");
    }

    @Test
    void aBrowserIsStillSentOnWithItsCookiesCleared() {
        HttpResponse<String> out = new TestHttp(app).post("logout", "Cookie", "refresh_token=" + refreshTokenOf(BrokenRevocation.ERROR));

        assertEquals(303, out.statusCode(), out.body());
        assertEquals(List.of(app.getPath()), out.headers().allValues("Location"));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
    }
}
