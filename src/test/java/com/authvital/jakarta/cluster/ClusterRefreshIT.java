package com.authvital.jakarta.cluster;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.authvital.jakarta.cluster.Devices.SignedInBrowser;
import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refresh made on server A is handed to server B: a request that reaches B with the old
 * cookies a moment later (a second tab, a request already on its way) gets the same new tokens,
 * and the IdP sees one refresh, not the replay of a spent refresh token that would sign the user
 * out of every device.
 */
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterRefreshIT {

    /** Below the module's refresh margin (30 s): a sign-in's access token is refreshed at the next request. */
    private static final int SHORT_LIFETIME_SECONDS = 20;
    private static final String LIFETIME = "accessTokenLifetimeSeconds";
    private static final String CHROME_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private final Server a;
    private final Server b;
    private final StandInClient idp = Deployments.standIn();
    private int previousLifetime;

    ClusterRefreshIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @BeforeEach
    void shortAccessTokens() {
        previousLifetime = idp.settings(JsonValue.EMPTY_JSON_OBJECT).getInt(LIFETIME);
        idp.settings(Json.createObjectBuilder().add(LIFETIME, SHORT_LIFETIME_SECONDS).build());
    }

    @AfterEach
    void usualAccessTokens() {
        idp.settings(Json.createObjectBuilder().add(LIFETIME, previousLifetime).build());
    }

    @Test
    void aRefreshOnAThenTheOldCookieOnBGetsTheNewTokens() {
        String user = idp.resetDemoUser().getJsonObject("demo").getString("id");
        SignedInBrowser laptop = Devices.signIn(a, CHROME_ON_MAC);
        String oldRefreshToken = laptop.browser().cookie(a.url(""), "refresh_token").orElseThrow();
        String oldCookies = "access_token=" + laptop.accessToken() + "; refresh_token=" + oldRefreshToken;

        HttpResponse<String> onA = new TestHttp(a.app()).send("GET", "api/me", null, "Cookie", oldCookies);
        Map<String, SetCookie> refreshedOnA = tokenCookies(onA);
        HttpResponse<String> onB = new TestHttp(b.app()).send("GET", "api/me", null, "Cookie", oldCookies);

        assertEquals(200, onA.statusCode(), onA.body());
        // The refresh token names its session, which every refresh replaces; the access token of a
        // refresh within the sign-in's second is the same string.
        assertNotEquals(oldRefreshToken, refreshedOnA.get("refresh_token").value(), "A refreshed");
        assertEquals(200, onB.statusCode(), onB.body());
        assertEquals(user, json(onB).getString("user"));
        Map<String, SetCookie> refreshedOnB = tokenCookies(onB);
        for (String name : SetCookies.TOKEN_COOKIES) {
            assertEquals(refreshedOnA.get(name).value(), refreshedOnB.get(name).value(), name + ": B hands out A's");
        }
        assertRefreshCounts(idp, user, 1, 1, 0);
    }
}
