package com.authvital.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.demo.DevicesPage.Row;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * The demo's "Your devices" page in headless Chromium, against the demo WAR on Open Liberty and
 * the stand-in IdP: what a person sees and does, and what the IdP and the browser's own cookie
 * jar then hold.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevicesPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("authvital-demo", Deployments.idp().baseUrl());
    }

    private static final String SAFARI_IPHONE = "Mobile Safari 18 on iOS";
    private static final String FIREFOX_LINUX = "Firefox 133 on Linux";

    @ArquillianResource
    URL demo;

    private final StandInClient idp = Deployments.standIn();
    @RegisterExtension
    static final OneBrowser browser = new OneBrowser();
    private DevicesPage page;

    @BeforeEach
    void forgetEarlierTests() {
        page = new DevicesPage(browser.driver(), demo).withNoCookies();
        // Every test signs in, a code exchange each: more than the contract's 30 a minute.
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
    }

    @AfterEach
    void contractLimitAgain() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    @Test
    void aSignedOutVisitorIsOfferedTheDemoSignInAndThenSeesThreeDevicesWithThisOneMarked() {
        page.open().waitForSignedOut();
        assertTrue(page.shown("sign-in"), page.visibleText());
        assertEquals("Sign in", page.text("sign-in"));
        page.screenshot(Path.of("target", "screenshots", "devices-page-signed-out.png"));

        idp.resetDemoUser();
        page.click("sign-in");
        page.signInAtTheIdpAs("Sign in as Demo User").waitForDevices(3);
        // For a person (and the README) to look at, whatever the assertions below find.
        page.screenshot(Path.of("target", "screenshots", "devices-page.png"));

        List<Row> rows = page.rows();
        Row self = rows.get(0);
        assertAll(
                () -> assertEquals("Your devices · AuthVital demo", page.title()),
                () -> assertEquals("Signed in as Demo User (demo.user@example.test) · administrator", page.text("who")),
                // Newest first: this browser, then the iPhone a day ago, then Firefox three days ago.
                () -> assertTrue(self.device().contains("Linux"), self.toString()),
                () -> assertEquals(List.of(SAFARI_IPHONE, FIREFOX_LINUX),
                        rows.subList(1, 3).stream().map(Row::device).toList()),
                () -> assertEquals(List.of(true, false, false), rows.stream().map(Row::thisDevice).toList()),
                () -> assertEquals(List.of("Computer", "Mobile device", "Computer"),
                        rows.stream().map(Row::deviceKind).toList()),
                () -> assertEquals(List.of("127.0.0.1", "203.0.113.24", "198.51.100.7"),
                        rows.stream().map(Row::ipAddress).toList()),
                () -> assertEquals(List.of("Log out", "Sign out", "Sign out"),
                        rows.stream().map(Row::button).toList()),
                () -> rows.forEach(row -> assertTrue(row.signedIn().matches("\\w{3} \\d{1,2}, \\d{4}, .+"),
                        "signed in reads as a date: " + row)),
                () -> rows.forEach(row -> assertTrue(row.expires().matches("\\w{3} \\d{1,2}, \\d{4}, .+"),
                        "expires reads as a date: " + row)),
                () -> assertNotEquals(self.signedIn(), rows.get(2).signedIn()),
                () -> assertTrue(page.shown("sign-out-others")),
                () -> assertTrue(page.shown("sign-out-everywhere")),
                () -> assertTrue(page.shown("log-out")),
                () -> assertFalse(page.shown("loading")),
                () -> assertFalse(page.shown("error")));
    }

    @Test
    void signingOutAnotherDeviceRemovesItsRowAndTheIdpRevokesIt() {
        page.signIn();
        Row firefox = page.row(FIREFOX_LINUX);
        Row self = page.thisDevice();

        page.clickRowButton(firefox.sessionId());
        page.waitForDevices(2);

        assertEquals(List.of(self.device(), SAFARI_IPHONE), page.rows().stream().map(Row::device).toList());
        assertEquals("Session revoked successfully", page.text("notice"));
        assertTrue(idp.isRevoked(firefox.sessionId()), "the stand-in revoked the Firefox session");
        assertFalse(idp.isRevoked(self.sessionId()));
        assertFalse(idp.isRevoked(page.row(SAFARI_IPHONE).sessionId()));
    }

    @Test
    void signingOutAllOtherDevicesLeavesOnlyThisOne() {
        page.signIn();
        List<Row> before = page.rows();

        page.click("sign-out-others");
        page.waitForDevices(1);

        Row left = page.rows().get(0);
        assertTrue(left.thisDevice(), left.toString());
        assertEquals("Signed out of 2 other devices", page.text("notice"));
        assertEquals(List.of(false, true, true),
                before.stream().map(row -> idp.isRevoked(row.sessionId())).toList());
    }

    @Test
    void loggingOutDropsBothCookiesFromTheBrowserAndTheApiThenAnswers401() {
        page.signIn();
        String self = page.thisDevice().sessionId();
        assertTrue(page.cookieNames().containsAll(List.of("access_token", "refresh_token")), page.cookieNames().toString());

        page.click("log-out");
        page.waitForSignedOut();

        assertEquals("You are logged out.", page.text("notice"));
        assertTrue(page.shown("sign-in"));
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
        Map<String, Object> sessions = page.fetch("api/sessions");
        assertEquals(401L, sessions.get("status"), sessions.toString());
        assertTrue(sessions.get("body").toString().contains("\"invalid_token\""), sessions.toString());
        assertTrue(idp.isRevoked(self), "the stand-in revoked this browser's session");
    }

    @Test
    void loggingOutFromThisDevicesRowRevokesOnlyItAndThePageStaysSignedOut() {
        page.signIn();
        List<Row> before = page.rows();
        Row self = page.thisDevice();

        page.clickRowButton(self.sessionId());
        page.waitForSignedOut();

        assertEquals("You are logged out.", page.text("notice"));
        assertEquals(List.of(true, false, false), before.stream().map(row -> idp.isRevoked(row.sessionId())).toList());
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
        page.open().waitForSignedOut();
        assertTrue(page.shown("sign-in"), page.visibleText());
    }

    @Test
    void signingOutEverywhereRevokesEveryDeviceAndShowsTheSignedOutPage() {
        page.signIn();
        List<Row> before = page.rows();

        page.click("sign-out-everywhere");
        page.waitForSignedOut();

        assertEquals("Logged out of 3 devices", page.text("notice"));
        assertTrue(page.shown("sign-in"));
        assertEquals(List.of(true, true, true), before.stream().map(row -> idp.isRevoked(row.sessionId())).toList());
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
    }

    @Test
    void aDeviceSignedOutFromAnotherDeviceShowsItselfSignedOutOnItsNextLoad() throws Exception {
        page.signIn();
        Row self = page.thisDevice();
        Row iphone = page.row(SAFARI_IPHONE);
        // The user, on yet another device, signs this browser out through the demo's API.
        String otherDevice = idp.anotherSession(userOf(page.cookie("access_token"))).accessToken();
        HttpResponse<String> revoke = post("api/sessions/" + self.sessionId() + "/revoke", otherDevice);
        assertEquals(200, revoke.statusCode(), revoke.body());

        // This browser's access token is still valid at the IdP for a while, but the module
        // refuses it at once, and the revoked refresh token gets nothing: the page is signed out.
        page.open().waitForSignedOut();

        assertTrue(page.shown("sign-in"));
        assertFalse(page.shown("empty"));
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
        assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
        assertFalse(idp.isRevoked(iphone.sessionId()), "the page only logs itself out");
    }

    @Test
    void whenEveryDeviceWasSignedOutElsewhereThePageIsSignedOutAtOnce() throws Exception {
        page.signIn();
        Thread.sleep(1_100); // the token comes from an earlier second than the revocation
        // Log out everywhere from another client, with this browser's own still-valid access token.
        HttpResponse<String> all = post("api/logout-all", page.cookie("access_token"));
        assertEquals(200, all.statusCode(), all.body());

        // The module refuses every token of the user issued before it: the page cannot even list.
        page.open().waitForSignedOut();

        assertTrue(page.shown("sign-in"), page.visibleText());
        assertFalse(page.shown("devices"));
        assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
    }

    @Test
    void whileTheIdpIsSlowThePageSaysItIsLoading() {
        page.signIn();
        idp.fault(userOf(page.cookie("access_token")), 2_000, null, null, null);

        page.open();

        assertTrue(page.shown("loading"), page.visibleText());
        assertEquals("Loading your devices…", page.text("loading"));
        assertFalse(page.shown("devices"));
        page.waitForDevices(3);
        assertFalse(page.shown("loading"));
    }

    @Test
    void anIdpErrorPageWhileSigningOutADeviceIsShownAsReadableTextAndTheListStays() {
        page.signIn();
        Row firefox = page.row(FIREFOX_LINUX);
        idp.fault(userOf(page.cookie("access_token")), 0, 502, "text/html",
                "<html><body><h1>502 Bad Gateway</h1><pre>upstream exploded</pre></body></html>");

        page.clickRowButton(firefox.sessionId());
        page.waitForError();

        assertEquals("The sign-in service is unavailable right now.", page.text("error-title"));
        String message = page.text("error-message");
        assertFalse(message.isBlank());
        assertFalse(page.visibleText().contains("<"), page.visibleText());
        assertFalse(page.visibleText().contains("upstream exploded"), page.visibleText());
        assertEquals(3, page.rows().size(), "the list stays as it was");
        assertFalse(idp.isRevoked(firefox.sessionId()));
    }

    /** The user id ({@code sub}) of an access token, read without verifying it: the test made it. */
    private static String userOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject().getString("sub");
    }

    /** {@code POST path} to the demo from another client, with this bearer token. */
    private HttpResponse<String> post(String path, String accessToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.toString()).resolve(path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
