package com.authvital.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the silent-refresh ITs share, on the client side: the deployment settings they start
 * from, a browser's cookies with an access token that has expired or is about to, the token
 * cookies an answer sets, and the stand-in's counts of one user's refreshes. The two-server tests
 * ({@code com.authvital.jakarta.cluster}) use the last two and the rate limit's lifting too.
 */
public final class RefreshFixtures {

    /** The filter by configuration on {@code /api/*}; cookies without {@code Secure}: the tests speak plain http. */
    static final Map<String, String> FILTERED_API = Map.of(
            "authvital.filter.url-patterns", "/api/*",
            "authvital.cookie.secure", "false");

    private RefreshFixtures() {
    }

    /** {@link #FILTERED_API} and then {@code more}. */
    static Map<String, String> filteredApiAnd(Map<String, String> more) {
        Map<String, String> config = new LinkedHashMap<>(FILTERED_API);
        config.putAll(more);
        return config;
    }

    /** The {@code Cookie} header of a browser holding these two tokens. */
    static String cookies(String accessToken, String refreshToken) {
        return "access_token=" + accessToken + "; refresh_token=" + refreshToken;
    }

    /** An access token of the user that expired five minutes ago, well beyond the 30 s clock skew. */
    static String expiredAccessToken(StandInClient idp, String userId) {
        long now = Instant.now().getEpochSecond();
        return idp.mint(Map.of("userId", userId, "claims", Map.of("iat", now - 3900, "exp", now - 300)));
    }

    /** A valid access token of the user that expires {@code in} from now. */
    static String accessTokenExpiringIn(StandInClient idp, String userId, Duration in) {
        long now = Instant.now().getEpochSecond();
        return idp.mint(Map.of("userId", userId, "claims", Map.of("iat", now, "exp", now + in.toSeconds())));
    }

    /** A token's claims. */
    static JsonObject claims(String token) {
        return Json.createReader(new StringReader(ForgedTokens.claimsOf(token))).readObject();
    }

    /** The answer's {@code Set-Cookie} headers, which must be exactly the two token cookies, by name. */
    public static Map<String, SetCookie> tokenCookies(HttpResponse<?> response) {
        List<SetCookie> set = SetCookies.of(response);
        assertEquals(SetCookies.TOKEN_COOKIES, set.stream().map(SetCookie::name).toList(),
                "Set-Cookie: " + response.headers().allValues("Set-Cookie"));
        Map<String, SetCookie> byName = new LinkedHashMap<>();
        set.forEach(cookie -> byName.put(cookie.name(), cookie));
        return byName;
    }

    /** The stand-in counted exactly these refresh requests, refreshes and family revocations for the user. */
    public static void assertRefreshCounts(StandInClient idp, String userId, long requests, long refreshes,
                                    long familyRevocations) {
        JsonObject stats = idp.tokenStats(userId);
        assertEquals(List.of(requests, refreshes, familyRevocations),
                List.of(stats.getJsonNumber("refreshRequests").longValue(), stats.getJsonNumber("refreshes").longValue(),
                        stats.getJsonNumber("familyRevocations").longValue()),
                "[refreshRequests, refreshes, familyRevocations] of the user at the IdP: " + stats);
    }

    /**
     * Lifts the shared stand-in's limit of token requests a minute for each test, and puts the
     * previous limit back after it: the other ITs of the JVM share the stand-in.
     */
    public static final class NoTokenRateLimit implements BeforeEachCallback, AfterEachCallback {

        private static final String LIMIT = "tokenRequestsPerMinute";

        private int previous;

        @Override
        public void beforeEach(ExtensionContext context) {
            StandInClient idp = Deployments.standIn();
            previous = idp.settings(JsonValue.EMPTY_JSON_OBJECT).getInt(LIMIT);
            idp.settings(Json.createObjectBuilder().add(LIMIT, 0).build());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Deployments.standIn().settings(Json.createObjectBuilder().add(LIMIT, previous).build());
        }
    }
}
