package com.authvital.jakarta.internal.flow;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.authvital.jakarta.internal.token.TokenKeys;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.SwitchableStore;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback's refusals that come before any call to the IdP, on fakes of the servlet API: the
 * IdP client, the token cookies and the device records are never reached (null), so a test that
 * went further would fail loudly.
 */
class SignInFlowTest {

    private static final String FLOW_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** The in-memory store, reporting itself unreachable as a shared one does while its engine is away. */
    private final SwitchableStore store = new SwitchableStore();

    private SignInFlow flow(String... settings) {
        return flow(new TokenBudget(30, 3, Clock.systemUTC()), settings);
    }

    private SignInFlow flow(TokenBudget budget, String... settings) {
        Map<String, String> config = new HashMap<>(Map.of(
                ConfigKeys.HOST, "https://auth.example.com",
                ConfigKeys.CLIENT_ID, "app",
                ConfigKeys.SIGNIN_PATH, "/login",
                ConfigKeys.SIGNIN_CALLBACK_PATH, "/callback",
                ConfigKeys.SIGNIN_FLOW_KEY, FLOW_KEY));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        AuthVitalConfig loaded = AuthVitalConfig.load(key -> Optional.ofNullable(config.get(key)));
        return new SignInFlow(loaded, null, new TokenValidator(loaded), null, null, null, store, budget,
                Clock.systemUTC());
    }

    /** A flow cookie this application sealed, with this state, for ten minutes more. */
    private static Cookie sealed(String name, String state) {
        return new Cookie(name, FlowCookies.seal(FLOW_KEY, state, "nonce", "verifier",
                "http://app.example.com/app/callback", "/app/", Instant.now().plusSeconds(600)));
    }

    private static ServletFakes.Recorded callback(SignInFlow flow, List<Cookie> cookies) throws IOException {
        return callback(flow, "s-1", cookies);
    }

    /** The IdP's answer with this state and a code of the right shape, from 192.0.2.1, asking for JSON. */
    private static ServletFakes.Recorded callback(SignInFlow flow, String state, List<Cookie> cookies) throws IOException {
        ServletFakes.Recorded answer = new ServletFakes.Recorded();
        flow.callback(ServletFakes.request(Map.of("state", state, "code", "code-of-the-right-shape"), cookies,
                "Accept", "application/json"), ServletFakes.response(answer));
        return answer;
    }

    private boolean stateSpent(String state) {
        return store.get(SessionStore.Region.SPENT, StoreKeys.of("state", state)).isPresent();
    }

    @Test
    void aCraftedFlowCookieIsNoSignInInProgressNotAServerError() throws IOException {
        for (String crafted : List.of("e30....", "e30.e30.e30.e30.e30")) {
            ServletFakes.Recorded answer = callback(flow(ConfigKeys.COOKIE_SECURE, "false"),
                    List.of(new Cookie(SignInFlow.FLOW_COOKIE, crafted)));

            assertEquals(400, answer.status, crafted);
            assertTrue(answer.body.toString().contains("AV1401E: "), answer.body.toString());
        }
    }

    /**
     * In one server's memory the code would count as exchanged on this server alone: a repeated
     * callback on another would exchange it again, and the IdP would revoke the user's tokens.
     */
    @Test
    void aCallbackWhileTheSharedStoreCannotBeReachedIsRefusedWithRetryAfterAndTheFlowKept() throws IOException {
        store.reachable = false;

        ServletFakes.Recorded answer = callback(flow(ConfigKeys.COOKIE_SECURE, "false"),
                List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1")));

        assertEquals(503, answer.status, answer.body.toString());
        assertEquals("5", answer.header("Retry-After"));
        assertTrue(answer.body.toString().contains("AV1430E: "), answer.body.toString());
        assertEquals(List.of(), answer.headers("Set-Cookie"), "the flow cookie stays for a try once the store is back");
        assertTrue(store.memory.isEmpty(SessionStore.Region.SPENT) && store.get(SessionStore.Region.SPENT,
                "state:" + TokenKeys.hash("s-1")).isEmpty(), "the state is not marked spent in this server's memory");
    }

    /** Login CSRF by cookie tossing: a sibling sub-domain's flow beside the browser's own is refused, not guessed at. */
    @Test
    void twoDifferentFlowCookiesAreRefusedBeforeTheIdpIsCalled() throws IOException {
        ServletFakes.Recorded answer = callback(flow(ConfigKeys.COOKIE_SECURE, "false"),
                List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1"), sealed(SignInFlow.FLOW_COOKIE, "s-2")));

        assertEquals(400, answer.status, answer.body.toString());
        assertTrue(answer.body.toString().contains("AV1431E: "), answer.body.toString());
        assertTrue(store.get(SessionStore.Region.SPENT, "state:" + TokenKeys.hash("s-1")).isEmpty());
    }

    /**
     * With Secure cookies the flow cookie is a {@code __Host-} cookie (Path=/, no Domain), which no
     * sibling sub-domain can set or shadow; the callback reads that name and no other.
     */
    @Test
    void withSecureCookiesTheFlowCookieIsAHostCookieAndOnlyThatNameIsRead() throws IOException {
        ServletFakes.Recorded start = new ServletFakes.Recorded();
        flow().start(ServletFakes.request(Map.of(), List.of()), ServletFakes.response(start));

        String set = start.header("Set-Cookie");
        assertTrue(set.startsWith("__Host-authvital_signin="), set);
        assertTrue(set.contains("; Path=/; Secure;") && !set.contains("Domain"), set);
        ServletFakes.Recorded plainName = callback(flow(), List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1")));
        assertEquals(400, plainName.status);
        assertTrue(plainName.body.toString().contains("AV1401E: "), plainName.body.toString());
    }

    /** Without Secure a {@code __Host-} cookie would be dropped: the plain name on the callback's own path. */
    @Test
    void withoutSecureCookiesTheFlowCookieKeepsItsNameAndTheCallbacksPath() throws IOException {
        ServletFakes.Recorded start = new ServletFakes.Recorded();
        flow(ConfigKeys.COOKIE_SECURE, "false").start(ServletFakes.request(Map.of(), List.of()),
                ServletFakes.response(start));

        String set = start.header("Set-Cookie");
        assertTrue(set.startsWith("authvital_signin=") && set.contains("; Path=/app/callback;"), set);
        assertFalse(set.contains("Secure"), set);
    }

    /** An answer meant for another sign-in (login CSRF, or a stale tab): refused, and this browser's own may still come. */
    @Test
    void anAnswerWithAnotherStateIsRefusedAndTheFlowKept() throws IOException {
        ServletFakes.Recorded answer = callback(flow(ConfigKeys.COOKIE_SECURE, "false"), "someone-elses-state",
                List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1")));

        assertEquals(400, answer.status, answer.body.toString());
        assertTrue(answer.body.toString().contains("AV1403E: "), answer.body.toString());
        assertEquals(List.of(), answer.headers("Set-Cookie"), "the flow cookie stays");
        assertFalse(stateSpent("s-1") || stateSpent("someone-elses-state"));
    }

    /** The same answer again (a reload, a replayed URL): its code is never exchanged twice, and no budget is spent on it. */
    @Test
    void aReplayedCallbackIsRefusedWithoutTakingTheBudgetAndItsCookieCleared() throws IOException {
        TokenBudget budget = new TokenBudget(30, 1, Clock.systemUTC());
        store.put(SessionStore.Region.SPENT, StoreKeys.of("state", "s-1"), "1", Instant.now().plusSeconds(600));

        ServletFakes.Recorded answer = callback(flow(budget, ConfigKeys.COOKIE_SECURE, "false"),
                List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1")));

        assertEquals(400, answer.status, answer.body.toString());
        assertTrue(answer.body.toString().contains("AV1401E: "), answer.body.toString());
        assertTrue(answer.header("Set-Cookie").startsWith(SignInFlow.FLOW_COOKIE + "=; Max-Age=0;"),
                answer.header("Set-Cookie"));
        assertTrue(budget.exchange("192.0.2.1").granted(), "the address's one exchange is still there");
    }

    /** Over the budget of sign-ins: 429 with Retry-After, and the same answer works after it (flow kept, state unspent). */
    @Test
    void overTheSignInBudgetTheCallbackIsRefusedWith429AndRetryAfterAndTheFlowKept() throws IOException {
        TokenBudget budget = new TokenBudget(30, 1, Clock.systemUTC());
        assertTrue(budget.exchange("192.0.2.1").granted(), "the address's one exchange this minute");

        ServletFakes.Recorded answer = callback(flow(budget, ConfigKeys.COOKIE_SECURE, "false"),
                List.of(sealed(SignInFlow.FLOW_COOKIE, "s-1")));

        assertEquals(429, answer.status, answer.body.toString());
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, answer.header("Retry-After"));
        assertTrue(answer.body.toString().contains("AV1421E: "), answer.body.toString());
        assertEquals(List.of(), answer.headers("Set-Cookie"), "the flow cookie stays for the try after Retry-After");
        assertFalse(stateSpent("s-1"));
    }
}
