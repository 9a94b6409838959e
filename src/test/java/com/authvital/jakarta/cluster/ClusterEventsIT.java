package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInWebhooks;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an AuthVital admin changes bites at once on every server: the stand-in makes the change
 * and sends AuthVital's signed event to server A's receiver (as a load balancer would route it),
 * and server B refuses or refreshes the user's tokens. Forged, stale and foreign events, and events
 * of another tenant or application, change nothing.
 */
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterEventsIT {

    private static final int EVENTS = 50;
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** How long B is asked at most, so that a slower propagation is measured rather than cut off. */
    private static final Duration POLL_AT_MOST = Duration.ofSeconds(5);

    private final Server a;
    private final Server b;
    private final StandInClient idp = Deployments.standIn();
    private final StandInWebhooks events = new StandInWebhooks(Deployments.idp().baseUrl());

    ClusterEventsIT(Servers servers) {
        this.a = servers.a();
        this.b = servers.b();
    }

    @BeforeEach
    void registerA() {
        events.forget();
        assertEquals(StandInWebhooks.APPLICATION_ID, events.application().getString("applicationId"),
                "the servers are set with the stand-in's application id");
        events.register(a.url("authvital/events"));
        events.awaitTaken();
    }

    @AfterEach
    void forget() {
        events.forget();
    }

    /** A new user with a session in the demo tenant: its tokens name the tenant, as AuthVital's do. */
    private NewSession member() {
        return idp.session(Map.of("tenant", StandInWebhooks.TENANT));
    }

    @Test
    void aSuspendedMemberIsRefusedOnTheOtherServerWithinASecond() {
        TestHttp onB = new TestHttp(b.app());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            NewSession user = member();
            assertEquals(200, me(onB, user.accessToken()).statusCode(), "before the suspension, on B");

            events.member(user.userId(), "suspend");
            long changed = System.nanoTime();

            HttpResponse<String> refused = Devices.firstRefusal(b, user.accessToken(), changed, POLL_AT_MOST);
            millis.add((System.nanoTime() - changed) / 1_000_000);
            assertTrue(refused.body().contains("AV1013"), "refused as cut off by AuthVital: " + refused.body());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "Suspension at the IdP refused on B: %d events, median %d ms, worst %d ms "
                + "(from the stand-in's answer to the suspension, whose event went to A, to B's first 401)%n",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertTrue(sorted.get(sorted.size() - 1) <= WITHIN.toMillis(), "each within " + WITHIN.toMillis()
                + " ms; in ms: " + millis);
    }

    @Test
    void aSuspendedMembersRefreshCookieIsNotSentToTheIdpAndTheBrowserDropsBoth() {
        NewSession user = member();
        String cookies = "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken();
        assertEquals(2, events.attempts(events.member(user.userId(), "suspend"), 1).get(0).getInt("status") / 100);

        HttpResponse<String> refused = new TestHttp(b.app()).send("GET", "api/me", null, "Cookie", cookies,
                "Accept", "application/json");

        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("AV1013"), refused.body());
        List<String> set = refused.headers().allValues("Set-Cookie");
        assertTrue(set.stream().anyMatch(c -> c.startsWith("refresh_token=;") && c.contains("Max-Age=0")),
                "the refresh cookie is cleared: " + set);
        assertEquals(0, idp.tokenStats(user.userId()).getInt("refreshRequests"), "no refresh reached the IdP");
    }

    @Test
    void aDuplicateAndALateOlderSuspensionDoNotUndoTheActivation() {
        NewSession user = member();
        events.controls("{\"duplicates\":1,\"hold\":true}");
        String suspended = events.member(user.userId(), "suspend");
        StandInWebhooks.pause(1100); // the activation in a later second than the suspension
        String activated = events.member(user.userId(), "activate");
        StandInWebhooks.pause(1100);
        NewSession afterwards = idp.session(Map.of("userId", user.userId(), "tenant", StandInWebhooks.TENANT));

        events.release("reverse"); // the activation first, then the older suspension, each twice

        for (String event : List.of(suspended, activated)) {
            List<JsonObject> attempts = events.attempts(event, 2);
            attempts.forEach(attempt -> assertEquals(204, attempt.getInt("status"), "each copy taken: " + attempt));
        }
        TestHttp onB = new TestHttp(b.app());
        assertEquals(200, me(onB, afterwards.accessToken()).statusCode(), "a token of after the activation");
        HttpResponse<String> older = me(onB, user.accessToken());
        assertEquals(401, older.statusCode(), "nothing of before the suspension is admitted again: " + older.body());
    }

    @Test
    void theSessionsOfBeforeASuspensionAreGoneFromTheDevicesListAfterTheActivation() {
        NewSession before = member();
        assertEquals(204, events.attempts(events.member(before.userId(), "suspend"), 1).get(0).getInt("status"));
        StandInWebhooks.pause(1100); // a session of after the cut-off's second
        assertEquals(204, events.attempts(events.member(before.userId(), "activate"), 1).get(0).getInt("status"));
        NewSession after = idp.session(Map.of("userId", before.userId(), "tenant", StandInWebhooks.TENANT));

        HttpResponse<String> listed = new TestHttp(b.app()).send("GET", "api/sessions", null,
                "Authorization", "Bearer " + after.accessToken(), "Accept", "application/json");

        assertEquals(200, listed.statusCode(), listed.body());
        List<String> ids = TestHttp.json(listed).getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .map(session -> session.getString("id")).toList();
        assertEquals(List.of(after.sessionId()), ids, "the IdP still lists the old session; the devices list does not");
        assertFalse(idp.isRevoked(before.sessionId()), "it is alive at the IdP, and its refresh refused here");
    }

    @Test
    void forgedStaleAndForeignEventsAreRefusedAndActOnNothing() {
        for (String tamper : List.of("signature", "body", "foreign-kid", "stale-timestamp")) {
            NewSession user = member();
            events.controls("{\"tamper\":\"" + tamper + "\"}");

            JsonObject attempt = events.attempts(events.member(user.userId(), "suspend"), 1).get(0);

            int status = attempt.getInt("status");
            // An unknown kid is 401 after a fetch made for it; 503 while the refetch interval holds one back.
            assertTrue(status == 401 || tamper.equals("foreign-kid") && status == 503,
                    tamper + ": " + attempt);
            assertEquals(200, me(new TestHttp(a.app()), user.accessToken()).statusCode(), tamper + " on A");
            assertEquals(200, me(new TestHttp(b.app()), user.accessToken()).statusCode(), tamper + " on B");
        }
    }

    @Test
    void aRoleChangeRefreshesTheBrowsersNextRequestAndRolesAllowedSeesTheNewRole() {
        NewSession user = member();
        String cookies = "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken();
        TestHttp onB = new TestHttp(b.app());
        assertEquals(403, onB.send("GET", "api/admin", null, "Cookie", cookies, "Accept", "application/json")
                .statusCode(), "not an administrator yet");

        assertEquals(204, events.attempts(events.role(user.userId(), "admin"), 1).get(0).getInt("status"));

        HttpResponse<String> admin = onB.send("GET", "api/admin", null, "Cookie", cookies, "Accept", "application/json");
        assertEquals(200, admin.statusCode(), "the new role at the next request: " + admin.body());
        assertTrue(admin.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("access_token=ey")),
                "refreshed silently: " + admin.headers().allValues("Set-Cookie"));
        HttpResponse<String> bearer = me(new TestHttp(a.app()), user.accessToken());
        assertEquals(401, bearer.statusCode(), "a bearer client refreshes its token itself");
        assertTrue(bearer.body().contains("AV1014"), bearer.body());
    }

    @Test
    void eventsOfAnotherTenantOrApplicationDoNothing() {
        NewSession user = member();
        String tenant = events.application().getJsonArray("tenants").getJsonObject(0).getString("tenantId");
        String otherTenant = events.event("{\"type\":\"member.suspended\",\"tenantId\":\"6f1d2c3b-0000-4f70-b1c2-d3e4f5a6b7c8\","
                + "\"data\":{\"sub\":\"" + user.userId() + "\",\"email\":null,\"membership_id\":\"m1\"}}");
        assertEquals(204, events.attempts(otherTenant, 1).get(0).getInt("status"), "answered 2xx");
        // AuthVital sends an application's events to the URL registered for it: here, the same URL.
        String other = "cmotherapp00000000000001";
        events.register(a.url("authvital/events"), other);
        String otherApplication = events.event("{\"type\":\"member.suspended\",\"tenantId\":\"" + tenant + "\","
                + "\"applicationId\":\"" + other + "\",\"data\":{\"sub\":\"" + user.userId() + "\"}}");
        assertEquals(204, events.attempts(otherApplication, 1).get(0).getInt("status"), "answered 2xx");

        assertEquals(200, me(new TestHttp(a.app()), user.accessToken()).statusCode());
        assertEquals(200, me(new TestHttp(b.app()), user.accessToken()).statusCode());
    }

    private static HttpResponse<String> me(TestHttp server, String accessToken) {
        return server.send("GET", "api/me", null, "Authorization", "Bearer " + accessToken);
    }
}
