package com.authvital.jakarta.it.signin;

import com.authvital.jakarta.internal.flow.FlowCookies;
import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.testing.SignInBrowser.location;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: anonymous callers completing made-up sign-ins cannot spend the IdP's 30 token calls a
 * minute that this server's signed-in users need for their refreshes; a code of the wrong shape
 * never reaches the IdP. Against the stand-in with the IdP's own limit on, as the contract has it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInBudgetIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signin-budget", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.signin.flow-key", SignInIT.FLOW_KEY,
                        // The defaults, which the test deployments otherwise lift: the IdP's limit, three per address.
                        "authvital.idp.token-budget", "30",
                        "authvital.signin.exchanges-per-address", "3")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @BeforeEach
    void theIdpsOwnLimit() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    @AfterEach
    void noRateLimitCountsLeftForTheNextTest() {
        idp.resetRateLimits();
    }

    private String url(String path) {
        return app.toString() + path;
    }

    /** A new anonymous browser's sign-in, then its callback with its own state and {@code code}. */
    private static HttpResponse<String> signInWithCode(SignInBrowser browser, String signIn, String code) {
        HttpResponse<String> start = browser.get(signIn);
        assertEquals(302, start.statusCode(), start.body());
        String state = SignInBrowser.query(URI.create(location(start))).get("state");
        String callback = signIn.replaceAll("login$", "callback");
        return browser.get(callback + "?state=" + state + "&code=" + code, "Accept", "application/json");
    }

    private long tokenCallsAfter(int skip) {
        return idp.requestsAfter(skip).stream().filter(r -> r.getString("method").equals("POST")
                && r.getString("path").equals("/oauth/token")).count();
    }

    @Test
    void aHundredMadeUpSignInsFromOneAddressLeaveASignedInUsersRefreshItsCalls() {
        int skip = idp.requests().size();

        int reachedTheIdp = 0;
        SignInBrowser anonymous = new SignInBrowser(); // its flow cookie is each new sign-in's
        for (int i = 0; i < 100; i++) {
            // Well formed, as AuthVital's own codes are (UUIDs), but never issued.
            HttpResponse<String> back = signInWithCode(anonymous, url("login"), UUID.randomUUID().toString());
            String message = json(back).getString("message");
            if (back.statusCode() == 401) {
                assertTrue(message.startsWith("AV1109E: "), back.body());
                reachedTheIdp++;
            } else {
                assertEquals(429, back.statusCode(), back.body());
                assertTrue(message.startsWith("AV1421E: "), back.body());
                long retryAfter = Long.parseLong(back.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            }
        }
        NewSession user = idp.newUser();
        HttpResponse<String> me = new TestHttp(app).get("api/me",
                "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertTrue(reachedTheIdp <= 3, reachedTheIdp + " made-up codes reached the IdP");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
        assertEquals(List.of("access_token", "refresh_token"),
                SetCookies.of(me).stream().map(SetCookies.SetCookie::name).toList(), "the refreshed cookies");
        assertEquals(reachedTheIdp + 1, tokenCallsAfter(skip), "the stand-in's POST /oauth/token calls");
    }

    @Test
    void aCodeOfTheWrongShapeIsRefusedWithoutCallingTheIdpAndEndsTheFlow() {
        int skip = idp.requests().size();

        HttpResponse<String> back = signInWithCode(new SignInBrowser(), url("login"), "junk");

        assertEquals(400, back.statusCode(), back.body());
        assertTrue(json(back).getString("message").startsWith("AV1420E: "), back.body());
        SetCookies.SetCookie flow = SetCookies.of(back).stream()
                .filter(c -> c.name().equals(FlowCookies.NAME)).findFirst().orElseThrow();
        assertEquals("0", flow.attributes().get("max-age"), "the flow is over");
        assertEquals(0, tokenCallsAfter(skip));
    }

    @Test
    void aSignInRefusedByTheBudgetKeepsItsFlowAndSpendsNoCode() {
        HttpResponse<String> back;
        int tries = 0;
        do {
            back = signInWithCode(new SignInBrowser(), url("login"), UUID.randomUUID().toString());
            tries++;
        } while (back.statusCode() != 429 && tries <= 3);
        int skip = idp.requests().size();
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> start = browser.get(url("login"));
        HttpResponse<String> decided = browser.decide(location(start), "demo");
        String callback = location(decided);

        HttpResponse<String> refused = browser.get(callback, "Accept", "application/json");

        assertEquals(429, refused.statusCode(), refused.body());
        JsonObject body = json(refused);
        assertTrue(body.getString("message").startsWith("AV1421E: "), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().map().toString());
        assertFalse(SetCookies.of(refused).stream().anyMatch(c -> c.name().equals(FlowCookies.NAME)),
                "the flow cookie is kept, for the same answer after Retry-After: " + refused.headers().map());
        assertTrue(browser.cookie(callback, FlowCookies.NAME).isPresent());
        assertEquals(0, tokenCallsAfter(skip), "the code was not exchanged");
    }
}
