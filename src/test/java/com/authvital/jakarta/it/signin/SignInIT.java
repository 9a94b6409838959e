package com.authvital.jakarta.it.signin;

import com.authvital.jakarta.internal.flow.FlowCookies;
import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.testing.Deployments;
import com.authvital.testing.RawHttp;
import com.authvital.testing.SetCookies;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
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

import static com.authvital.testing.SignInBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in loop over plain HTTP, step by step, against the stand-in's authorize and token
 * endpoints: the module's sign-in, the stand-in's sign-in form, the callback; and each way the
 * callback must refuse, with a message id and no token cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    /** The test knows the flow key, so that it can seal flows of its own. */
    static final String FLOW_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("signin", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.signin.flow-key", FLOW_KEY,
                        "authvital.cookie.secure", "false"),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();
    private final SignInBrowser browser = new SignInBrowser();

    @BeforeEach
    void noTokenRateLimit() {
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 0).build());
        idp.resetTokenStats();
    }

    @AfterEach
    void contractLimitsAgain() {
        idp.clearTokenFault();
        idp.settings(Json.createObjectBuilder().add("tokenRequestsPerMinute", 30).build());
        idp.resetRateLimits();
    }

    private String url(String path) {
        return app.toString() + path;
    }

    private String callbackUrl() {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort() + app.getPath() + "callback";
    }

    /** The application's sign-in, then the stand-in's form with {@code decision}: the callback URL with its code. */
    private String throughTheIdp(String signInPath, String decision) {
        HttpResponse<String> start = browser.get(url(signInPath));
        assertEquals(302, start.statusCode(), start.body());
        HttpResponse<String> decided = browser.decide(location(start), decision);
        assertEquals(302, decided.statusCode(), decided.body());
        return location(decided);
    }

    private static void assertNoTokenCookie(HttpResponse<?> answer) {
        List<String> set = SetCookies.of(answer).stream().filter(c -> !c.value().isEmpty())
                .map(SetCookies.SetCookie::name).toList();
        assertFalse(set.contains("access_token") || set.contains("refresh_token"), "cookies set: " + set);
    }

    @Test
    void theSignInSendsTheBrowserToTheIdpWithPkceStateNonceAndItsOwnCallback() {
        HttpResponse<String> start = browser.get(url("login"));

        assertEquals(302, start.statusCode());
        URI authorize = URI.create(location(start));
        assertEquals(Deployments.idp().baseUrl() + "/oauth/authorize",
                authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath());
        Map<String, String> query = SignInBrowser.query(authorize);
        assertEquals("code", query.get("response_type"));
        assertEquals(Deployments.CLIENT_ID, query.get("client_id"));
        assertEquals(callbackUrl(), query.get("redirect_uri"));
        assertEquals("openid profile email offline_access", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(43, query.get("code_challenge").length(), "BASE64URL(SHA-256) without padding");
        assertTrue(query.get("state").length() >= 43 && query.get("nonce").length() >= 43, query.toString());
        SetCookies.SetCookie flow = SetCookies.of(start).stream()
                .filter(c -> c.name().equals(FlowCookies.NAME)).findFirst().orElseThrow();
        assertEquals(app.getPath() + "callback", flow.attributes().get("path"));
        assertEquals("600", flow.attributes().get("max-age"));
        assertTrue(flow.attributes().containsKey("httponly"), flow.attributes().toString());
        assertEquals("lax", flow.attributes().get("samesite").toLowerCase());
        assertFalse(flow.value().contains(query.get("state")), "the state is sealed, not readable");
    }

    @Test
    void theCallbackSetsBothCookiesAndSendsTheUserWhereTheyWereGoing() {
        String callback = throughTheIdp("login?redirect=/api/me%3Fview%3Dfull", "demo");

        HttpResponse<String> back = browser.get(callback);

        assertEquals(303, back.statusCode(), back.body());
        assertEquals(url("api/me?view=full"), location(back));
        Map<String, SetCookies.SetCookie> cookies = new java.util.HashMap<>();
        SetCookies.of(back).forEach(c -> cookies.put(c.name(), c));
        assertFalse(cookies.get("access_token").value().isEmpty());
        assertFalse(cookies.get("refresh_token").value().isEmpty());
        long accessAge = Long.parseLong(cookies.get("access_token").attributes().get("max-age"));
        long refreshAge = Long.parseLong(cookies.get("refresh_token").attributes().get("max-age"));
        assertTrue(accessAge > 0 && refreshAge > accessAge, accessAge + " " + refreshAge);
        assertEquals("0", cookies.get(FlowCookies.NAME).attributes().get("max-age"), "the flow is over");

        HttpResponse<String> me = browser.get(url("api/me"));
        assertEquals(200, me.statusCode(), me.body());
        String demoUser = idp.demoUsers().getJsonObject("demo").getString("id");
        assertEquals(demoUser, TestHttp.json(me).getString("principal"));
        assertEquals(1, idp.tokenStats().getInt("codeExchanges"));
    }

    @Test
    void aReturnAddressOffTheSiteIsReplacedByTheApplicationsRoot() {
        String callback = throughTheIdp("login?redirect=https://evil.example/steal", "demo");

        HttpResponse<String> back = browser.get(callback);

        assertEquals(303, back.statusCode(), back.body());
        assertEquals(url(""), location(back));
    }

    @Test
    void aTenantsSubDomainIsTheCallbacksHost() {
        RawHttp.Answer start = RawHttp.get(app, "login", "Host", "acme.localhost:" + app.getPort());

        assertEquals(302, start.status());
        Map<String, String> query = SignInBrowser.query(URI.create(start.header("Location").orElseThrow()));
        assertEquals("http://acme.localhost:" + app.getPort() + app.getPath() + "callback", query.get("redirect_uri"));
    }

    @Test
    void aDeniedSignInIsAPageWithItsIdAndNoCookie() {
        String callback = throughTheIdp("login", "deny");

        HttpResponse<String> back = browser.get(callback, "Accept", "text/html");

        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("AV1404") && back.body().contains("access_denied"), back.body());
        assertTrue(back.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertNoTokenCookie(back);
    }

    @Test
    void aStateThatIsNotTheSignInsIsRefused() {
        String callback = throughTheIdp("login", "demo");
        String forged = callback.replaceAll("state=[^&]+", "state=someone-elses-state");

        HttpResponse<String> back = browser.get(forged);

        assertEquals(400, back.statusCode());
        assertTrue(back.body().contains("AV1403"), back.body());
        assertNoTokenCookie(back);
        assertEquals(0, idp.tokenStats().getInt("codeExchanges"), "the code is not even tried");
    }

    @Test
    void aCallbackInABrowserThatStartedNoSignInIsRefusedAsJsonToAnApiClient() {
        String callback = throughTheIdp("login", "demo");

        HttpResponse<String> elsewhere = new SignInBrowser().get(callback, "Accept", "application/json");

        assertEquals(400, elsewhere.statusCode());
        assertEquals("sign_in_failed", TestHttp.json(elsewhere).getString("error"));
        assertTrue(TestHttp.json(elsewhere).getString("message").startsWith("AV1401E: "), elsewhere.body());
        assertNoTokenCookie(elsewhere);
    }

    @Test
    void anExpiredFlowIsRefused() {
        String callback = throughTheIdp("login", "demo");
        String state = SignInBrowser.query(URI.create(callback)).get("state");
        SignInBrowser late = new SignInBrowser(); // with the flow as it would be ten minutes on
        late.setCookie(callbackUrl(), FlowCookies.NAME, FlowCookies.seal(FLOW_KEY, state, "n", "v", callbackUrl(),
                app.getPath(), Instant.now().minusSeconds(1)), app.getPath() + "callback");

        HttpResponse<String> back = late.get(callback);

        assertEquals(400, back.statusCode());
        assertTrue(back.body().contains("AV1402"), back.body());
        assertNoTokenCookie(back);
    }

    /**
     * A second answer to one flow (a reload, a duplicated navigation, another tab with the same
     * cookie) is refused here: the IdP never sees the code twice, which it would take for a
     * replay and answer by revoking the user's tokens.
     */
    @Test
    void aSecondAnswerToOneFlowIsRefusedWithoutExchangingTheCodeAgain() {
        String callback = throughTheIdp("login", "demo");
        String flow = browser.cookie(callbackUrl(), FlowCookies.NAME).orElseThrow();
        assertEquals(303, browser.get(callback).statusCode());

        SignInBrowser replaying = new SignInBrowser();
        replaying.setCookie(callbackUrl(), FlowCookies.NAME, flow, app.getPath() + "callback");
        HttpResponse<String> replay = replaying.get(callback);

        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("AV1401"), replay.body());
        assertNoTokenCookie(replay);
        assertEquals(1, idp.tokenStats().getInt("codeExchanges"), "the code went to the IdP once");
        assertEquals(0, idp.tokenStats().getInt("familyRevocations"));
    }

    /**
     * A flow of the test's own making, so that it knows the verifier and the nonce the IdP was
     * given: the callback URL the IdP answered, with its code and the state.
     */
    private String ownFlow(String state, String verifier, String nonce) {
        String authorize = Deployments.idp().baseUrl() + "/oauth/authorize?response_type=code&client_id="
                + Deployments.CLIENT_ID + "&redirect_uri=" + java.net.URLEncoder.encode(callbackUrl(),
                java.nio.charset.StandardCharsets.UTF_8) + "&scope=openid%20profile%20email%20offline_access&state="
                + state + "&nonce=" + nonce + "&code_challenge=" + FlowCookies.challenge(verifier)
                + "&code_challenge_method=S256";
        HttpResponse<String> decided = browser.decide(authorize, "demo");
        assertEquals(302, decided.statusCode(), decided.body());
        return location(decided);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        String verifier = "v".repeat(50);
        String state = "state-" + System.nanoTime();
        String callback = ownFlow(state, verifier, "the-nonce-the-idp-was-given");
        browser.setCookie(callbackUrl(), FlowCookies.NAME, FlowCookies.seal(FLOW_KEY, state, "another-nonce", verifier,
                callbackUrl(), app.getPath(), Instant.now().plusSeconds(600)), app.getPath() + "callback");

        HttpResponse<String> back = browser.get(callback);

        assertEquals(401, back.statusCode());
        assertTrue(back.body().contains("AV1008") && back.body().contains("nonce"), back.body());
        assertNoTokenCookie(back);
    }

    @Test
    void aCodeWithTheWrongVerifierIsRefusedByTheIdp() {
        String state = "state-" + System.nanoTime();
        String callback = ownFlow(state, "v".repeat(50), "n-1");
        browser.setCookie(callbackUrl(), FlowCookies.NAME, FlowCookies.seal(FLOW_KEY, state, "n-1", "w".repeat(50),
                callbackUrl(), app.getPath(), Instant.now().plusSeconds(600)), app.getPath() + "callback");

        HttpResponse<String> back = browser.get(callback);

        assertEquals(401, back.statusCode());
        assertTrue(back.body().contains("AV1109"), back.body());
        assertNoTokenCookie(back);
    }

    @Test
    void anIdpThatRateLimitsTheExchangeIsA503WithItsRetryAfter() {
        String callback = throughTheIdp("login", "demo");
        idp.tokenFault(Json.createObjectBuilder().add("status", 429).add("retryAfterSeconds", 17)
                .add("contentType", "application/json")
                .add("body", "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}").build());

        HttpResponse<String> back = browser.get(callback);

        assertEquals(503, back.statusCode());
        assertEquals("17", back.headers().firstValue("Retry-After").orElse(""));
        assertTrue(back.body().contains("AV1213"), back.body());
        assertNoTokenCookie(back);
    }

    @Test
    void anIdpThatIsDownDuringTheExchangeIsAnErrorPageNotA500() {
        String callback = throughTheIdp("login", "demo");
        idp.tokenFault(Json.createObjectBuilder().add("status", 502).add("contentType", "text/html")
                .add("body", "<html><body>Bad Gateway</body></html>").build());

        HttpResponse<String> back = browser.get(callback);

        assertEquals(502, back.statusCode());
        assertTrue(back.body().contains("AV1204"), back.body());
        assertNoTokenCookie(back);
    }
}
