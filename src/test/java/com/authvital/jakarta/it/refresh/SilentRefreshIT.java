package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.accessTokenExpiringIn;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.claims;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.DevicesServlet;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Behind the filter, a browser whose access-token cookie is missing, expired or expires within
 * {@code authvital.refresh.margin} (2 minutes here) and whose refresh-token cookie is valid is
 * served as its user: the filter refreshes once at the IdP and sets both new cookies; a token
 * outside the margin and a Bearer header are never refreshed.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class SilentRefreshIT {

    private static final Duration MARGIN = Duration.ofMinutes(2);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("silent-refresh", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.cookie.same-site", "Strict",
                        "authvital.refresh.margin", MARGIN.toSeconds() + "s")),
                WhoAmIServlet.class, CurrentUser.class, DevicesServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> get(String path, String... headers) {
        return new TestHttp(app).send("GET", path, null, headers);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheRequestServedAsTheUser() {
        NewSession user = idp.newUser();

        HttpResponse<String> me = get("api/me", "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(user.userId(), json(me).getString("cdiUser"));
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void theRefreshSetsBothNewCookiesForTheirTokensLifetimesWithTheConfiguredAttributes() {
        NewSession user = idp.newUser();
        String expired = expiredAccessToken(idp, user.userId());

        HttpResponse<String> me = get("api/me", "Cookie", cookies(expired, user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        Map<String, SetCookie> set = tokenCookies(me);
        SetCookie access = set.get("access_token");
        SetCookie refresh = set.get("refresh_token");
        assertNotEquals(expired, access.value());
        assertNotEquals(user.refreshToken(), refresh.value());
        assertEquals(user.userId(), claims(access.value()).getString("sub"));
        String newSession = claims(refresh.value()).getString("sid");
        assertNotEquals(user.sessionId(), newSession, "the IdP rotated the session");
        assertEquals("ROTATED", idp.sessionRecord(user.sessionId()).getString("revokedReason"));
        assertFalse(idp.isRevoked(newSession));

        long expiresIn = idp.settings(JsonValue.EMPTY_JSON_OBJECT).getJsonNumber("accessTokenLifetimeSeconds").longValue();
        assertEquals(String.valueOf(expiresIn), access.attributes().get("max-age"), "expires_in");
        long refreshLeft = claims(refresh.value()).getJsonNumber("exp").longValue() - Instant.now().getEpochSecond();
        long refreshMaxAge = Long.parseLong(refresh.attributes().get("max-age"));
        assertTrue(Math.abs(refreshMaxAge - refreshLeft) <= 5,
                "the refresh cookie's Max-Age " + refreshMaxAge + " is its token's time left, " + refreshLeft);
        for (SetCookie cookie : set.values()) {
            Map<String, String> attributes = new LinkedHashMap<>(cookie.attributes());
            attributes.remove("max-age");
            assertEquals(Map.of("path", "/", "httponly", "", "samesite", "Strict"), attributes,
                    cookie.name() + ": no Secure (authvital.cookie.secure=false), no Domain, SameSite as configured");
        }
    }

    @Test
    void theNewCookiesServeTheNextRequestWithoutAnotherRefresh() {
        NewSession user = idp.newUser();
        Map<String, SetCookie> renewed = tokenCookies(get("api/me", "Cookie",
                cookies(expiredAccessToken(idp, user.userId()), user.refreshToken())));

        HttpResponse<String> next = get("api/me", "Cookie",
                cookies(renewed.get("access_token").value(), renewed.get("refresh_token").value()));

        assertEquals(200, next.statusCode(), next.body());
        assertEquals(user.userId(), json(next).getString("principal"));
        assertEquals(List.of(), next.headers().allValues("Set-Cookie"));
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void aMissingAccessTokenCookieIsRefreshedFromTheRefreshCookie() {
        NewSession user = idp.newUser();

        HttpResponse<String> me = get("api/me", "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(user.userId(), claims(tokenCookies(me).get("access_token").value()).getString("sub"));
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void aTokenExpiringWithinTheMarginIsRefreshed() {
        NewSession user = idp.newUser();
        String expiringSoon = accessTokenExpiringIn(idp, user.userId(), MARGIN.dividedBy(2));

        HttpResponse<String> me = get("api/me", "Cookie", cookies(expiringSoon, user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        assertNotEquals(expiringSoon, tokenCookies(me).get("access_token").value());
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void aTokenWellOutsideTheMarginIsNotRefreshed() {
        NewSession user = idp.newUser();
        String fresh = accessTokenExpiringIn(idp, user.userId(), MARGIN.multipliedBy(10));

        HttpResponse<String> me = get("api/me", "Cookie", cookies(fresh, user.refreshToken()));

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(List.of(), me.headers().allValues("Set-Cookie"));
        assertRefreshCounts(idp, user.userId(), 0, 0, 0);
    }

    @Test
    void anExpiredBearerTokenIsNeverRefreshedEvenBesideARefreshCookie() {
        NewSession user = idp.newUser();

        HttpResponse<String> me = get("api/me", "Authorization", "Bearer " + expiredAccessToken(idp, user.userId()),
                "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(401, me.statusCode(), me.body());
        assertTrue(json(me).getString("message").startsWith("AV1004E: "), me.body());
        assertTrue(json(me).getString("message").contains("expired"), me.body());
        assertEquals(List.of(), me.headers().allValues("Set-Cookie"));
        assertRefreshCounts(idp, user.userId(), 0, 0, 0);
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void theSessionsListedRightAfterARefreshMarkTheNewSessionAsThisDevice() {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());

        HttpResponse<String> devices = get("api/devices", "Cookie",
                cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(200, devices.statusCode(), devices.body());
        String newSession = claims(tokenCookies(devices).get("refresh_token").value()).getString("sid");
        Map<String, Boolean> current = new HashMap<>();
        for (JsonObject session : json(devices).getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            current.put(session.getString("id"), session.getBoolean("current"));
        }
        assertEquals(Map.of(newSession, true, otherDevice.sessionId(), false), current,
                "the rotated-out session " + user.sessionId() + " is gone, the new one is this device");
    }
}
