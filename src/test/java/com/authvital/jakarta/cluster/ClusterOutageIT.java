package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.cluster.Devices.SignedInBrowser;
import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When server B loses the shared cache (its Hazelcast member stops), B goes on serving requests
 * that change nothing, refuses those that change something with 503 (AV1503) and says so in its
 * log (AV1501); once its store has started a new member that rejoined (AV1502), B refuses a device
 * revoked on A meanwhile, and A sees what B wrote while it was out.
 */
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterOutageIT {

    /** The store notices within its check interval (1 s); a loaded machine may take longer to log it. */
    private static final Duration NOTICED = Duration.ofSeconds(10);
    /** The retry interval, then a new member's start and join, on a loaded machine. */
    private static final Duration BACK = TwoServers.RETRY_INTERVAL.plusSeconds(60);
    private static final String SAFARI_ON_IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) "
            + "Gecko/20100101 Firefox/128.0";

    private final Server a;
    private final Server b;
    private final StandInClient idp = Deployments.standIn();

    ClusterOutageIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @Test
    void whenTheCacheStopsSafeRequestsGoOnChangesGet503AndEverythingIsBackAfter() {
        String user = idp.resetDemoUser().getJsonObject("demo").getString("id");
        SignedInBrowser laptop = Devices.signIn(a, FIREFOX_ON_WINDOWS);
        String laptopSession = Devices.thisDevice(a, laptop).getString("id");
        String phone = Devices.phoneAppToken(idp, user);
        TestHttp onA = new TestHttp(a.app());
        TestHttp onB = new TestHttp(b.app());
        long mark = b.logMark();

        HttpResponse<String> stopped = onB.post("test/hazelcast/stop");
        assertEquals(200, stopped.statusCode(), stopped.body());
        long stoppedAt = System.nanoTime();
        b.awaitLog(mark, NOTICED, "AV1501");

        try {
            assertEquals(200, me(onB, laptop.accessToken()).statusCode(), "a request that changes nothing, on B");
            HttpResponse<String> change = onB.send("POST", "api/sessions/" + laptopSession + "/revoke", null,
                    "Authorization", "Bearer " + phone);
            assertEquals(503, change.statusCode(), change.body());
            assertTrue(change.body().contains("AV1503"), change.body());
            assertTrue(change.headers().firstValue("Retry-After").isPresent(), "Retry-After: " + change.headers().map());

            // Only the refresh cookie, on B: no refresh while the cache is out, since another server
            // could make the same one and the IdP would sign the user out everywhere.
            int refreshesBefore = idp.tokenStats(user).getInt("refreshRequests");
            String refreshCookie = laptop.browser().cookie(a.app().toString(), "refresh_token").orElseThrow();
            HttpResponse<String> refresh = onB.send("GET", "api/me", null, "Cookie", "refresh_token=" + refreshCookie);
            assertEquals(503, refresh.statusCode(), refresh.body());
            assertTrue(refresh.body().contains("AV1503"), refresh.body());
            assertEquals(refreshesBefore, idp.tokenStats(user).getInt("refreshRequests"), "the IdP saw no refresh");

            // Meanwhile: the laptop is signed out on A, and a tablet's sign-in on B waits for the
            // cache (AV1430): marked exchanged in B's memory alone, its code could be exchanged again
            // on A, and the IdP would revoke the user's tokens.
            HttpResponse<String> revoked = onA.send("POST", "api/sessions/" + laptopSession + "/revoke", null,
                    "Authorization", "Bearer " + phone);
            assertEquals(200, revoked.statusCode(), revoked.body());
            int exchangesBefore = idp.tokenStats().getInt("codeExchanges");
            HttpResponse<String> signInWhileOut = Devices.callback(new SignInBrowser(), b, SAFARI_ON_IPAD);
            assertEquals(503, signInWhileOut.statusCode(), signInWhileOut.body());
            assertTrue(signInWhileOut.body().contains("AV1430"), signInWhileOut.body());
            assertEquals(exchangesBefore, idp.tokenStats().getInt("codeExchanges"), "the IdP saw no code exchange");

            b.awaitLog(mark, BACK, "AV1502");
            System.out.printf(Locale.ROOT, "B's shared cache back (AV1502) %.1f s after its member stopped%n",
                    (System.nanoTime() - stoppedAt) / 1e9);
            SignedInBrowser tablet = Devices.signIn(b, SAFARI_ON_IPAD);

            HttpResponse<String> laptopOnB = me(onB, laptop.accessToken());
            assertEquals(401, laptopOnB.statusCode(), "the laptop signed out on A, on B: " + laptopOnB.body());
            assertEquals("Mobile Safari 17 on iOS", Devices.thisDevice(a, tablet).getString("device"),
                    "the tablet B signed in once back, listed on A");
            assertEquals(200, me(onA, tablet.accessToken()).statusCode(), "the tablet on A");
        } finally {
            // The next test gets one cluster of two again.
            TwoServers.awaitMembers(a, 2, BACK);
            TwoServers.awaitMembers(b, 2, BACK);
        }
    }

    private static HttpResponse<String> me(TestHttp server, String accessToken) {
        return server.send("GET", "api/me", null, "Authorization", "Bearer " + accessToken);
    }
}
