package com.authvital.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.demo.DevicesPage.Row;
import com.authvital.testing.Deployments;
import com.authvital.testing.HeadlessChromium;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
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

/**
 * The whole browser loop in headless Chromium against the demo: sign in through the stand-in's
 * own sign-in page, use the devices page across several access-token lifetimes without noticing
 * (one refresh per expiry, "This device" on the right row), then log out for real.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInLoopIT {

    /**
     * Short enough to outlive twice in a test, long enough that a refreshed cookie is still in the
     * browser when the test reads it on a busy machine; the deployment's refresh margin is 1 s.
     */
    private static final int ACCESS_TOKEN_SECONDS = 15;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("authvital-demo-loop", Deployments.idp().baseUrl(),
                Map.of("authvital.refresh.margin", "1s"));
    }

    @ArquillianResource
    URL demo;

    private final StandInClient idp = Deployments.standIn();
    private JsonObject settingsBefore;

    @BeforeEach
    void shortAccessTokens() {
        settingsBefore = idp.settings(Json.createObjectBuilder().build());
        idp.settings(Json.createObjectBuilder().add("accessTokenLifetimeSeconds", ACCESS_TOKEN_SECONDS)
                .add("tokenRequestsPerMinute", 0).build());
        idp.resetTokenStats();
    }

    @AfterEach
    void settingsAsBefore() {
        idp.settings(settingsBefore);
        idp.resetRateLimits();
    }

    @Test
    void aUserSignsInUsesThePageAcrossExpiriesWithoutNoticingAndLogsOut() throws InterruptedException {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            DevicesPage page = new DevicesPage(chromium.driver(), demo).withNoCookies();
            String user = idp.resetDemoUser().getJsonObject("demo").getString("id");

            page.open().waitForSignedOut();
            page.click("sign-in");
            page.signInAtTheIdpAs("Sign in as Demo User").waitForDevices(3);
            Row first = page.thisDevice();
            assertTrue(first.device().contains("on Linux"), "a real device label from Chromium's user agent: " + first);
            assertEquals("127.0.0.1", first.ipAddress());
            String access = page.cookie("access_token");
            String refresh = page.cookie("refresh_token");
            assertEquals(0, idp.tokenStats(user).getInt("refreshes"));

            Thread.sleep((ACCESS_TOKEN_SECONDS + 1) * 1000L);
            page.open().waitForDevices(3);

            Row second = page.thisDevice();
            assertEquals(1, idp.tokenStats(user).getInt("refreshes"), "one refresh for one expiry");
            assertNotEquals(access, page.cookie("access_token"));
            assertNotEquals(refresh, page.cookie("refresh_token"));
            assertNotEquals(first.sessionId(), second.sessionId(), "the IdP made a new session for the refresh");
            assertEquals(first.device(), second.device(), "the device carried over to the new session");
            assertEquals(first.signedIn(), second.signedIn(), "signed in when the user signed in, not at the refresh");
            page.clickRowButton(page.row("Firefox 133 on Linux").sessionId());
            page.waitForDevices(2);

            Thread.sleep((ACCESS_TOKEN_SECONDS + 1) * 1000L);
            page.open().waitForDevices(2);

            Row third = page.thisDevice();
            assertEquals(2, idp.tokenStats(user).getInt("refreshes"), "one refresh per expiry");
            assertEquals(0, idp.tokenStats(user).getInt("familyRevocations"));
            assertEquals(List.of(true, false), page.rows().stream().map(Row::thisDevice).toList());

            page.click("log-out");
            page.waitForSignedOut();

            assertTrue(idp.isRevoked(third.sessionId()), "the IdP revoked this browser's session");
            assertFalse(page.cookieNames().contains("access_token"), page.cookieNames().toString());
            assertFalse(page.cookieNames().contains("refresh_token"), page.cookieNames().toString());
        }
    }
}
