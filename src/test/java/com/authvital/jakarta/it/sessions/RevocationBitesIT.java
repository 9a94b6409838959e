package com.authvital.jakarta.it.sessions;

import static com.authvital.testing.SignInBrowser.location;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.DeviceActionsServlet;
import com.authvital.jakarta.it.app.DevicesServlet;
import com.authvital.jakarta.it.app.LogoutAllServlet;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A revocation bites at once on this server: after a logout, a revocation, "sign out other
 * devices" and "log out everywhere", the affected access tokens, still valid at the IdP, get 401
 * (AV1011) and the others keep working. Each device signs in through the module, which so knows
 * its tokens' sessions.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RefreshFixtures.NoTokenRateLimit.class)
@RunAsClient
class RevocationBitesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("revocation-bites", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.logout.path", "/logout",
                        "authvital.cookie.secure", "false"),
                WhoAmIServlet.class, CurrentUser.class, DevicesServlet.class, DeviceActionsServlet.class,
                LogoutAllServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    /** One of the user's devices: its browser and the access token the module gave it. */
    private record SignedInBrowser(SignInBrowser browser, String accessToken) {
    }

    private String user;

    @BeforeEach
    void aNewDemoUser() {
        user = idp.resetDemoUser().getJsonObject("demo").getString("id");
    }

    /**
     * A sign-in as the Demo User on a new device, a second after the one before: the IdP's access
     * tokens carry no session id, so two sign-ins within one second would share one token.
     */
    private SignedInBrowser signIn() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> start = browser.get(app + "login");
        HttpResponse<String> back = browser.get(location(browser.decide(location(start), "demo")));
        assertEquals(303, back.statusCode(), back.body());
        return new SignedInBrowser(browser, browser.cookie(app.toString(), "access_token").orElseThrow());
    }

    private int me(String accessToken) {
        return new TestHttp(app).get("api/me", "Authorization", "Bearer " + accessToken).statusCode();
    }

    private String sessionOf(SignedInBrowser device) {
        HttpResponse<String> listed = device.browser().get(app + "api/devices", "Accept", "application/json");
        return json(listed).getJsonArray("sessions").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(s -> s.getBoolean("current")).findFirst().orElseThrow().getString("id");
    }

    @Test
    void afterALogoutThisBrowsersAccessTokenIsRefused() {
        SignedInBrowser laptop = signIn();
        SignedInBrowser phone = signIn();

        HttpResponse<String> out = laptop.browser().postForm(app + "logout", Map.of());

        assertEquals(303, out.statusCode(), out.body());
        HttpResponse<String> again = new TestHttp(app).get("api/me", "Authorization", "Bearer " + laptop.accessToken());
        assertEquals(401, again.statusCode());
        assertTrue(again.body().contains("AV1011"), again.body());
        assertEquals(200, me(phone.accessToken()), "the other device is still signed in");
    }

    @Test
    void afterRevokingADeviceItsAccessTokenIsRefused() {
        SignedInBrowser laptop = signIn();
        SignedInBrowser phone = signIn();

        HttpResponse<String> revoked = new TestHttp(app).send("POST", "api/device-actions?revoke=" + sessionOf(phone),
                null, "Authorization", "Bearer " + laptop.accessToken());

        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(401, me(phone.accessToken()));
        assertEquals(200, me(laptop.accessToken()));
        // The phone's browser, cookies and all: refused, and its refresh token is not tried at the IdP.
        HttpResponse<String> browser = phone.browser().get(app + "api/me", "Accept", "application/json");
        assertEquals(401, browser.statusCode(), browser.body());
        assertEquals(0, idp.tokenStats(user).getInt("refreshRequests"));
    }

    @Test
    void afterSigningOutOtherDevicesTheirTokensAreRefusedAndThisOnesWorks() {
        SignedInBrowser laptop = signIn();
        SignedInBrowser phone = signIn();
        SignedInBrowser tablet = signIn();

        HttpResponse<String> others = laptop.browser().postForm(app + "api/device-actions?others", Map.of());

        assertEquals(200, others.statusCode(), others.body());
        assertEquals(401, me(phone.accessToken()));
        assertEquals(401, me(tablet.accessToken()));
        assertEquals(200, me(laptop.accessToken()));
    }

    @Test
    void afterLoggingOutEverywhereEveryTokenOfTheUserIsRefusedAndASignInWorks() throws InterruptedException {
        SignedInBrowser laptop = signIn();
        SignedInBrowser phone = signIn();
        // A mobile app's token, straight from the IdP: the module never issued it.
        String mobileApp = idp.mint(Map.of("userId", user, "type", "access"));
        assertEquals(200, me(mobileApp));
        Thread.sleep(1_100); // tokens issued in an earlier second than the revocation

        HttpResponse<String> all = new TestHttp(app).send("POST", "api/logout-all", null,
                "Authorization", "Bearer " + laptop.accessToken());

        assertEquals(200, all.statusCode(), all.body());
        assertEquals(401, me(laptop.accessToken()));
        assertEquals(401, me(phone.accessToken()));
        assertEquals(401, me(mobileApp), "a token the module did not issue goes too");
        Thread.sleep(1_100);
        assertEquals(200, me(signIn().accessToken()), "a sign-in after it works");
    }

    /** With the in-memory store, the server says at start what a restart does to revocations (INFO). */
    @Test
    void theServerSaysAtStartThatARestartForgetsTheRevocations() {
        String line = ServerLog.lineWith("AV1509", "a restart or redeploy forgets them", "authvital.store=jcache");
        assertTrue(ServerLog.isInfo(line, "AV1509"), "at INFO: " + line);
    }
}
