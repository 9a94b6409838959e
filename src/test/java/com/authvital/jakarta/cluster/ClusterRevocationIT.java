package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.cluster.Devices.SignedInBrowser;
import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A device signed out on server A is refused by server B within a second: B answers the next
 * request with that device's access token, still valid at the IdP, with 401 (AV1011). Measured
 * over many revocations, the devices signed in on A and on B in turn.
 */
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterRevocationIT {

    private static final int REVOCATIONS = 60;
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** How long B is asked at most, so that a slower propagation is measured rather than cut off. */
    private static final Duration POLL_AT_MOST = Duration.ofSeconds(5);
    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final Server a;
    private final Server b;
    private final StandInClient idp = Deployments.standIn();

    ClusterRevocationIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @Test
    void revocationOnAIsRefusedOnBWithinASecond() {
        TestHttp onA = new TestHttp(a.app());
        TestHttp onB = new TestHttp(b.app());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < REVOCATIONS; i++) {
            // A new user each time: the IdP's access tokens carry no session id, so two sign-ins of
            // one user within a second would get the same token.
            String user = idp.resetDemoUser().getJsonObject("demo").getString("id");
            SignedInBrowser laptop = Devices.signIn(i % 2 == 0 ? a : b, FIREFOX_ON_LINUX);
            String session = Devices.thisDevice(b, laptop).getString("id"); // its token works on B
            assertEquals(200, me(onB, laptop.accessToken()).statusCode(), "before the revocation, on B");

            HttpResponse<String> revoked = onA.send("POST", "api/sessions/" + session + "/revoke", null,
                    "Authorization", "Bearer " + Devices.phoneAppToken(idp, user));
            long answered = System.nanoTime();

            assertEquals(200, revoked.statusCode(), "the revocation on A: " + revoked.body());
            HttpResponse<String> refused = Devices.firstRefusal(b, laptop.accessToken(), answered, POLL_AT_MOST);
            millis.add((System.nanoTime() - answered) / 1_000_000);
            assertTrue(refused.body().contains("AV1011"), "refused as revoked: " + refused.body());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "Revocation on A refused on B: %d revocations, median %d ms, worst %d ms "
                + "(from A's answer to B's first 401)%n", sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
        assertTrue(sorted.get(sorted.size() - 1) <= WITHIN.toMillis(), "each within " + WITHIN.toMillis()
                + " ms; in ms: " + millis);
    }

    private static HttpResponse<String> me(TestHttp server, String accessToken) {
        return server.send("GET", "api/me", null, "Authorization", "Bearer " + accessToken);
    }
}
