package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The IdP's throttler: 30 token requests a minute per IP, on from the start; other routes
 * unlimited until set. Each test has a stand-in of its own: every request here comes from one IP.
 */
class RateLimitTest {

    private static final String THROTTLED = "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}";

    private static List<Integer> statuses(IdpHttp client, int count, String method, String path, String body) {
        return IntStream.range(0, count).mapToObj(i -> client.send(method, path, body,
                "Content-Type", "application/x-www-form-urlencoded").status()).collect(Collectors.toList());
    }

    /** The 31st token request in a minute is refused with the throttler's body and a Retry-After; other routes go on. */
    @Test
    void theThirtyFirstTokenRequestOfAMinuteIsThrottled() {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            IdpHttp.NewSession user = client.newUser();

            List<Integer> allowed = statuses(client, 30, "POST", "/oauth/token", "grant_type=password");
            IdpHttp.Answer refused = client.form("/oauth/token", "grant_type=refresh_token&client_id=test-app"
                    + "&refresh_token=" + user.refreshToken());

            assertTrue(allowed.stream().allMatch(s -> s == 400), allowed.toString());
            assertEquals(429, refused.status());
            assertEquals(THROTTLED, refused.body());
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals(200, client.bearer("GET", "/oauth/sessions", user.accessToken(), null).status());
            assertEquals(0, client.send("GET", "/dev/token-stats", null).json().getInt("refreshRequests"),
                    "a throttled request never reaches the endpoint");
        }
    }

    /** DELETE /dev/rate-limits forgets the counts; a limit of 0 turns the token limit off. */
    @Test
    void testsCanResetOrLiftTheTokenLimit() {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            statuses(client, 31, "POST", "/oauth/token", "grant_type=password");

            assertEquals(204, client.send("DELETE", "/dev/rate-limits", null).status());
            int afterReset = client.form("/oauth/token", "grant_type=password").status();
            client.send("PUT", "/dev/settings", "{\"tokenRequestsPerMinute\":0}");
            List<Integer> lifted = statuses(client, 40, "POST", "/oauth/token", "grant_type=password");

            assertEquals(400, afterReset);
            assertTrue(lifted.stream().allMatch(s -> s == 400), lifted.toString());
        }
    }

    /** Other routes are unlimited until a limit is set; then they are throttled, and /dev/* never is. */
    @Test
    void otherRoutesAreLimitedOnlyWhenSet() {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            List<Integer> unlimited = statuses(client, 120, "GET", "/.well-known/jwks.json", null);

            client.send("PUT", "/dev/settings", "{\"otherRequestsPerMinute\":5}");
            client.send("DELETE", "/dev/rate-limits", null);
            List<Integer> limited = statuses(client, 6, "GET", "/.well-known/jwks.json", null);
            List<Integer> dev = statuses(client, 10, "GET", "/dev/settings", null);

            assertTrue(unlimited.stream().allMatch(s -> s == 200), "off by default");
            assertEquals(List.of(200, 200, 200, 200, 200, 429), limited);
            assertTrue(dev.stream().allMatch(s -> s == 200), dev.toString());
            assertEquals(400, client.form("/oauth/token", "grant_type=password").status(),
                    "the token route keeps its own count");
        }
    }
}
