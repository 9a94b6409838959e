package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * When nothing listens at 'authvital.host', the logout still succeeds and clears both cookies, and
 * its answer says the IdP was not reached: with a short message and its id, while the IdP's
 * address and the connection error go to the server log only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutIdpDownIT {

    private static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax";

    /** The test server's log; Failsafe passes its path. */
    private static final Path SERVER_LOG = ServerLog.file();

    /** The IdP's address in this deployment: closed, and never to be shown to a client. */
    private static final String IDP_ADDRESS = "127.0.0.1:" + Deployments.closedPort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-idp-down", Map.of(
                "authvital.host", "http://" + IDP_ADDRESS,
                "authvital.logout.path", "/logout",
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    // The sessions come from the real stand-in; the deployment's host is a closed port.
    private final StandInClient idp = Deployments.standIn();

    @Test
    void theCookiesAreClearedAndTheAnswerSaysTheIdpWasNotReached() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        HttpResponse<String> out = new TestHttp(app).post("logout", "Accept", "application/json",
                "Cookie", "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        JsonObject body = Json.createReader(new StringReader(out.body())).readObject();
        assertTrue(body.getBoolean("success"), out.body());
        JsonObject idpAnswer = body.getJsonObject("idp");
        assertTrue(idpAnswer.getBoolean("called"), out.body());
        assertFalse(idpAnswer.getBoolean("reached"), out.body());
        assertFalse(idpAnswer.getBoolean("success"), out.body());
        String message = idpAnswer.getString("message");
        assertTrue(message.startsWith("AV1303E: ") && message.contains("could not be reached"), out.body());
        assertFalse(out.body().contains(IDP_ADDRESS), "the IdP's address stays in the server log: " + out.body());
        assertFalse(out.body().contains("refused"), "so does the connection error: " + out.body());
        assertFalse(out.body().contains(user.refreshToken()), "the answer never repeats the token");
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertFalse(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before), "the configured host was called, not the stand-in");
    }

    @Test
    void aBrowserIsStillSentOnWithItsCookiesCleared() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new TestHttp(app).post("logout", "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(303, out.statusCode(), out.body());
        assertEquals(List.of(app.getPath()), out.headers().allValues("Location"));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
    }

    @Test
    void theServerLogHasTheDetailWithTheIdButNeverTheToken() throws Exception {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new TestHttp(app).post("logout", "Accept", "application/json",
                "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        // The refresh token is checked against the IdP's keys before it is sent: their fetch fails
        // first, and says so once (AV1207W); each logout that meets the outage only at FINE (AV1305I).
        String detail = awaitLogLine("AV1207W: the IdP's signing keys at http://" + IDP_ADDRESS);
        assertTrue(ServerLog.isWarning(detail, "AV1207"), "a warning: " + detail);
        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
        assertFalse(log.contains(user.refreshToken()), "no token in the server log");
    }

    /** The last line of the server log that holds {@code text}, waiting a little for it to be written. */
    private static String awaitLogLine(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> lines = Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(text)).toList();
            if (!lines.isEmpty()) {
                return lines.get(lines.size() - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line with '" + text + "' in " + SERVER_LOG);
            }
            Thread.sleep(100);
        }
    }
}
