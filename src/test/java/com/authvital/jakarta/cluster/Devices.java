package com.authvital.jakarta.cluster;

import static com.authvital.testing.SignInBrowser.location;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.testing.Cluster.Server;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The user's devices in the two-server tests, on the client side: a browser that signs in on one
 * server through the demo's sign-in and the stand-in's form, and what the demo's API shows it.
 * The browser sends its cookies to both servers, as one behind a load balancer would: they share
 * the host 127.0.0.1.
 */
final class Devices {

    /** A device: its browser, cookie jar and all, and the access token the sign-in gave it. */
    record SignedInBrowser(SignInBrowser browser, String accessToken) {
    }

    private Devices() {
    }

    /**
     * A sign-in as the stand-in's Demo User on {@code server}, the browser saying {@code userAgent}:
     * the demo's {@code /login}, the stand-in's form, the demo's callback (which records the device).
     */
    static SignedInBrowser signIn(Server server, String userAgent) {
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> back = callback(browser, server, userAgent);
        assertEquals(303, back.statusCode(), "the callback on " + server + ": " + back.body());
        return new SignedInBrowser(browser, browser.cookie(server.url(""), "access_token").orElseThrow());
    }

    /** The same steps as {@link #signIn} in {@code browser}, up to the callback's answer, whatever it is. */
    static HttpResponse<String> callback(SignInBrowser browser, Server server, String userAgent) {
        HttpResponse<String> start = browser.get(server.url("login"), "User-Agent", userAgent, "Accept", "text/html");
        assertEquals(302, start.statusCode(), "the sign-in on " + server + ": " + start.body());
        return browser.get(location(browser.decide(location(start), "demo")),
                "User-Agent", userAgent, "Accept", "text/html");
    }

    /** {@code GET api/sessions} on {@code server} with the device's cookies; must answer 200. */
    static List<JsonObject> sessions(Server server, SignedInBrowser device) {
        HttpResponse<String> listed = device.browser().get(server.url("api/sessions"), "Accept", "application/json");
        assertEquals(200, listed.statusCode(), "the sessions on " + server + ": " + listed.body());
        return json(listed).getJsonArray("sessions").getValuesAs(JsonObject.class);
    }

    /** The row of the devices list that is this device, as {@code server} lists it. */
    static JsonObject thisDevice(Server server, SignedInBrowser device) {
        return sessions(server, device).stream().filter(s -> s.getBoolean("current")).findFirst()
                .orElseThrow(() -> new AssertionError(server + " marks no session as this device's"));
    }

    /**
     * An access token of the user from another of its devices, a phone app say: the IdP issued it a
     * minute ago, so it is never the same string as a token of a sign-in made now.
     */
    static String phoneAppToken(StandInClient idp, String userId) {
        long now = Instant.now().getEpochSecond();
        return idp.mint(Map.of("userId", userId, "claims", Map.of("iat", now - 60, "exp", now + 3540)));
    }

    /**
     * {@code server}'s first answer other than 200 to {@code GET api/me} with this bearer token,
     * asked every 2 ms; a 401 is expected. Fails, naming the server's log, when it still answers
     * 200 {@code atMost} after {@code since} ({@link System#nanoTime()}).
     */
    static HttpResponse<String> firstRefusal(Server server, String accessToken, long since, Duration atMost) {
        TestHttp http = new TestHttp(server.app());
        while (true) {
            HttpResponse<String> me = http.send("GET", "api/me", null, "Authorization", "Bearer " + accessToken);
            if (me.statusCode() != 200) {
                assertEquals(401, me.statusCode(), me.body());
                return me;
            }
            if (System.nanoTime() - since > atMost.toNanos()) {
                throw new AssertionError(server + " still accepts the token after " + atMost.toSeconds() + " s; see "
                        + server.log());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
