package com.authvital.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 21 as the demo shows it, in headless Chromium against the demo WAR on Open Liberty and the
 * stand-in IdP: the stand-in suspends the Demo User, its signed {@code member.suspended} reaches the
 * demo's receiver ({@code authvital.events.path} in the demo's settings), and the "Your devices"
 * page, left alone, shows itself signed out within seconds; its cookies are gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SuspendedUserPageIT {

    /** The demo's {@code authvital.application-id}: the stand-in's application id unless a test sets another. */
    private static final String DEMO_APPLICATION_ID = "cmstandin0app000000000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("authvital-demo-events", Deployments.idp().baseUrl());
    }

    @ArquillianResource
    URL demo;

    private final StandInClient idp = Deployments.standIn();
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    static final OneBrowser browser = new OneBrowser();
    private DevicesPage page;
    private String applicationIdBefore;

    /** The shared stand-in sends its events to this deployment, as the demo's own does with --webhook-url. */
    @BeforeEach
    void eventsToThisDeployment() throws Exception {
        page = new DevicesPage(browser.driver(), demo).withNoCookies();
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
        applicationIdBefore = dev("GET", "/dev/application", null, 200).getString("applicationId");
        dev("PUT", "/dev/application", Json.createObjectBuilder().add("applicationId", DEMO_APPLICATION_ID).build(), 200);
        dev("PUT", "/dev/webhooks", Json.createObjectBuilder().add("url", events()).add("channel", "sync").build(), 200);
        dev("DELETE", "/dev/webhooks/deliveries", null, 204);
    }

    @AfterEach
    void demoUserActiveAgainAndNoWebhook() throws Exception {
        dev("POST", "/dev/demo/activate", null, 303);
        idp.resetDemoUser();
        dev("DELETE", "/dev/webhooks?channel=sync", null, 204);
        dev("PUT", "/dev/application", Json.createObjectBuilder().add("applicationId", applicationIdBefore).build(), 200);
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    @Test
    void whenTheStandInSuspendsTheDemoUserThePageLeftAloneShowsSignedOutWithinTenSecondsAndStaysSo() throws Exception {
        page.signIn();

        dev("POST", "/dev/demo/suspend", null, 303);

        page.waitForSignedOutWithin(Duration.ofSeconds(10));
        // For docs/events.md: the signed-out page after a suspension.
        page.screenshot(Path.of("target", "screenshots", "events-suspended-signed-out.png"));
        assertEquals("Your session has ended. Sign in again to manage your devices.", page.text("notice"));
        assertTrue(page.shown("sign-in"), page.visibleText());
        assertFalse(page.shown("devices"));
        assertEquals(List.of(true), deliveredStatuses("member.suspended").stream().map(s -> s / 100 == 2).toList(),
                "the demo's receiver took the event at once: " + dev("GET", "/dev/webhooks/deliveries", null, 200));
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());

        page.open().waitForSignedOut();
        assertTrue(page.shown("sign-in"), page.visibleText());
        assertFalse(page.shown("devices"));
    }

    @Test
    void theFooterOpensTheStandInControlsWhoseSuspendButtonSignsTheDemoUserOut() {
        page.signIn();

        page.click("idp-controls");
        page.waitForText("status", "active");
        assertEquals("IdP controls · AuthVital stand-in", page.title());
        assertEquals(events(), page.text("webhook-url"));
        page.click("suspend");
        page.waitForText("status", "suspended");
        assertEquals("The Demo User is suspended in acme: member.suspended was sent.", page.text("notice"));
        page.screenshot(Path.of("target", "screenshots", "events-idp-controls.png"));

        page.open().waitForSignedOut();
        assertTrue(page.shown("sign-in"), page.visibleText());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
    }

    /** The demo's receiver in this deployment. */
    private String events() {
        return URI.create(demo.toString()).resolve("authvital/events").toString();
    }

    /**
     * The statuses this deployment's receiver answered to the deliveries of this type, once there
     * is one (the stand-in logs a delivery after its answer: up to 2 s); -1 for none (a timeout).
     */
    private List<Integer> deliveredStatuses(String type) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<Integer> statuses;
        do {
            statuses = dev("GET", "/dev/webhooks/deliveries", null, 200).getJsonArray("deliveries")
                    .getValuesAs(JsonObject.class).stream()
                    // This deployment's only: the shared stand-in may still be retrying other tests' events.
                    .filter(d -> type.equals(d.getString("type")) && events().equals(d.getString("url")))
                    .map(d -> d.isNull("status") ? -1 : d.getInt("status")).toList();
        } while (statuses.isEmpty() && System.nanoTime() < end && sleep(100));
        return statuses;
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }

    /** A call of the stand-in's {@code /dev/} API that StandInClient does not have; the JSON answer, or {} when none. */
    private JsonObject dev(String method, String path, JsonObject body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Deployments.idp().baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), method + " " + path + ": " + answer.body());
        return answer.body().isBlank() || !answer.body().startsWith("{") ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(answer.body())).readObject();
    }
}
