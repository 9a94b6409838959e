package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in as the demo starts it ({@code --webhook-url}) and its page of controls for a person
 * ({@code GET /dev/demo}): the buttons change the current Demo User in {@code acme} and the signed
 * event reaches the URL given at start. Each test has its own stand-in and receiver.
 */
class StandInDemoControlsTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private WebhookReceiver receiver;
    private StandInIdp idp;
    private IdpHttp http;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        idp = StandInIdp.start(StartOptions.parse("--port", "0", "--client-id", "test-app",
                "--webhook-url", receiver.url()));
        http = new IdpHttp(idp);
    }

    @AfterEach
    void stop() {
        idp.close();
        receiver.close();
    }

    private String demoUserId() {
        return http.send("GET", "/dev/demo-users", null).json().getJsonObject("demo").getString("id");
    }

    private String statusOf(String userId) {
        return http.send("GET", "/dev/members/" + userId, null).json().getString("status");
    }

    /** The button's form post, as a browser on the page sends it. */
    private IdpHttp.Answer click(String control) {
        return http.send("POST", "/dev/demo/" + control, "", "Content-Type", FORM,
                "Origin", idp.baseUrl());
    }

    @Test
    void startedWithAWebhookUrlTheStandInHasItRegisteredForTheApplicationsEvents() {
        JsonObject webhook = http.send("GET", "/dev/webhooks", null).json().getJsonArray("webhooks").getJsonObject(0);

        assertEquals(receiver.url(), webhook.getString("url"));
        assertEquals("sync", webhook.getString("channel"));
        assertEquals(Application.DEFAULT_ID, webhook.getString("applicationId"));
    }

    @Test
    void suspendDemoUserSuspendsItInAcmeAndSendsTheSignedEventToTheStartUrlThenReturnsToThePage() throws Exception {
        String demo = demoUserId();

        IdpHttp.Answer answer = click("suspend");

        assertEquals(303, answer.status(), answer.body());
        assertEquals("/dev/demo?done=suspended", answer.headers().firstValue("Location").orElse(null));
        assertEquals("SUSPENDED", statusOf(demo));
        WebhookReceiver.Request event = receiver.await(1).get(0);
        assertEquals("member.suspended", event.header("X-AuthVital-Event-Type"));
        assertEquals(demo, event.json().getJsonObject("data").getString("sub"));
        assertEquals(Application.DEFAULT_ID, event.json().getString("application_id"));
    }

    @Test
    void activateDemoUserMakesItActiveAgainAndSendsMemberActivated() throws Exception {
        String demo = demoUserId();
        click("suspend");

        assertEquals(303, click("activate").status());

        assertEquals("ACTIVE", statusOf(demo));
        // Two sending threads: the two events may arrive in either order.
        assertEquals(Set.of("member.suspended", "member.activated"), receiver.await(2).stream()
                .map(request -> request.header("X-AuthVital-Event-Type")).collect(Collectors.toSet()));
    }

    @Test
    void thePageOffersBothButtonsAndShowsTheDemoUsersStatusAndWhereEventsGo() {
        String before = http.send("GET", "/dev/demo", null).body();
        click("suspend");
        IdpHttp.Answer after = http.send("GET", "/dev/demo?done=suspended", null);

        assertEquals(200, after.status());
        assertTrue(after.contentType().startsWith("text/html"), after.contentType());
        assertTrue(before.contains(">Suspend Demo User</button>"), before);
        assertTrue(before.contains(">Activate Demo User</button>"), before);
        assertTrue(before.contains("data-testid=\"status\">active<"), before);
        assertTrue(before.contains(receiver.url()), before);
        assertTrue(after.body().contains("data-testid=\"status\">suspended<"), after.body());
        assertTrue(after.body().contains("member.suspended was sent"), after.body());
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedAndChangesNothing() throws Exception {
        String demo = demoUserId();

        IdpHttp.Answer answer = http.send("POST", "/dev/demo/suspend", "", "Content-Type", FORM,
                "Origin", "http://attacker.example");

        assertEquals(403, answer.status());
        assertEquals("ACTIVE", statusOf(demo));
        Thread.sleep(300);
        assertTrue(receiver.requests().isEmpty(), receiver.requests().toString());
    }

    @Test
    void resettingTheDemoUsersLeavesTheDemoUserActive() {
        String suspended = demoUserId();
        click("suspend");

        http.send("POST", "/dev/demo-users/reset", null);

        String demo = demoUserId();
        assertNotEquals(suspended, demo);
        assertEquals("ACTIVE", statusOf(demo));
        assertTrue(http.send("GET", "/dev/demo", null).body().contains("data-testid=\"status\">active<"));
    }

    @Test
    void aWebhookUrlOffLoopbackIsRefusedAtStartAndAnUnknownOptionIsAUsageError() {
        StartOptions elsewhere = StartOptions.parse("--port", "0", "--webhook-url", "http://events.example.com/hook");

        assertThrows(HttpProblem.class, () -> StandInIdp.start(elsewhere));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> StartOptions.parse("--webhook"));
        assertTrue(bad.getMessage().contains("[--webhook-url URL]"), bad.getMessage());
        assertFalse(StartOptions.parse().webhookUrl() != null);
    }
}
