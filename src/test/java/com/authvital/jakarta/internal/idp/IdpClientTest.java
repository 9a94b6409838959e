package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.SessionList;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link IdpClient} decides, whoever carries its calls: the retries of a rate-limited
 * revocation, the bound on parallel calls, what a token call sends, and how an answer that is
 * empty, incomplete or never came is told. The calls go to a hand-written {@link AuthVitalApi};
 * {@code it.idp.IdpClientIT} runs the same client over Liberty's REST client against the stand-in.
 */
class IdpClientTest {

    private static final String ACCESS_TOKEN = "eyJ.access.token";
    private static final Duration SHORT_WAIT = Duration.ofMillis(20);

    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(4);
    private final FakeApi api = new FakeApi();

    @AfterEach
    void stop() {
        later.shutdownNow();
    }

    private static AuthVitalConfig config(String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("authvital.host", "https://auth.example.com",
                "authvital.client-id", "my-app"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return AuthVitalConfig.load(key -> Optional.ofNullable(settings.get(key)));
    }

    private IdpClient client(String... settings) {
        return new IdpClient(config(settings), api);
    }

    /** The IdP's 429 as the REST client's error mapper gives it, with this {@code Retry-After}. */
    private static RuntimeException tooMany(Duration retryAfter) {
        return new IdpFailures.ErrorAnswer(429, true, List.of("Too many requests"), "rate_limited", retryAfter);
    }

    @Test
    void aRateLimitedRevocationIsTriedAgainAfterTheIdpsWaitAndSucceeds() {
        AtomicInteger s2Calls = new AtomicInteger();
        api.revoke = id -> id.equals("s2") && s2Calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(tooMany(SHORT_WAIT))
                : CompletableFuture.completedFuture(new RevokeResult(true, "Session revoked"));

        List<IdpClient.Outcome> outcomes = client().revokeEach(ACCESS_TOKEN, List.of("s1", "s2", "s3"), 2);

        assertEquals(List.of("s1", "s2", "s3"), outcomes.stream().map(IdpClient.Outcome::sessionId).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.failure() == null && o.result().success()), outcomes.toString());
        assertEquals(2, s2Calls.get(), "the limited session is asked again, once");
        assertEquals(4, api.revokeCalls.size(), "the others are not asked twice");
    }

    @Test
    void aSessionTheIdpKeepsRateLimitingIsGivenUpAfterThreeRounds() {
        api.revoke = id -> CompletableFuture.failedFuture(tooMany(SHORT_WAIT));

        List<IdpClient.Outcome> outcomes = client().revokeEach(ACCESS_TOKEN, List.of("s1"), 1);

        assertEquals(IdpClient.RATE_LIMIT_ROUNDS, api.revokeCalls.size());
        RateLimitedException failure = assertInstanceOf(RateLimitedException.class, outcomes.get(0).failure());
        assertEquals(SHORT_WAIT, failure.getRetryAfter());
    }

    @Test
    void eachSessionKeepsItsOwnFailureAndOnlyARateLimitIsTriedAgain() {
        api.revoke = id -> id.equals("gone")
                ? CompletableFuture.failedFuture(new IdpFailures.ErrorAnswer(404, true, List.of("Session not found")))
                : CompletableFuture.completedFuture(new RevokeResult(true, "Session revoked"));

        List<IdpClient.Outcome> outcomes = client().revokeEach(ACCESS_TOKEN, List.of("s1", "gone", "s3"), 3);

        assertInstanceOf(SessionNotFoundException.class, outcomes.get(1).failure());
        assertNull(outcomes.get(0).failure());
        assertNull(outcomes.get(2).failure());
        assertEquals(3, api.revokeCalls.size(), "a 404 is an answer, not a reason to ask again");
    }

    @Test
    void noMoreRevocationsThanAskedForAreUnderWayAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        api.revoke = id -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            CompletableFuture<RevokeResult> answer = new CompletableFuture<>();
            later.schedule(() -> {
                running.decrementAndGet();
                answer.complete(new RevokeResult(true, "Session revoked"));
            }, 5, TimeUnit.MILLISECONDS);
            return answer;
        };
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("s" + i);
        }

        List<IdpClient.Outcome> outcomes = client().revokeEach(ACCESS_TOKEN, ids, 3);

        assertEquals(40, outcomes.stream().filter(o -> o.result() != null).count());
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    }

    @Test
    void aRefreshSendsTheGrantTheTokenAndTheClientsIdAndSecret() {
        api.token = form -> new TokenAnswer("new-access", "Bearer", 3600L, "new-refresh", "openid", null);

        TokenAnswer answer = client("authvital.client-secret", "s3cret").refresh("old-refresh");

        Map<String, List<String>> sent = api.forms.get(0).asMap();
        assertEquals(List.of("refresh_token"), sent.get("grant_type"));
        assertEquals(List.of("old-refresh"), sent.get("refresh_token"));
        assertEquals(List.of("my-app"), sent.get("client_id"));
        assertEquals(List.of("s3cret"), sent.get("client_secret"));
        assertEquals("new-refresh", answer.refreshToken());
    }

    @Test
    void aPublicClientSendsNoSecret() {
        api.token = form -> new TokenAnswer("a", "Bearer", 60L, "r", null, null);

        client().exchangeCode("the-code", "https://app.example.com/callback", "the-verifier");

        Map<String, List<String>> sent = api.forms.get(0).asMap();
        assertEquals(List.of("authorization_code"), sent.get("grant_type"));
        assertEquals(List.of("the-verifier"), sent.get("code_verifier"));
        assertFalse(sent.containsKey("client_secret"));
    }

    @Test
    void aTokenAnswerWithoutARefreshTokenIsTheIdpsFaultNotTheUsers() {
        api.token = form -> new TokenAnswer("a", "Bearer", 60L, null, null, null);

        AuthVitalException e = assertThrows(IdpUnavailableException.class, () -> client().refresh("old-refresh"));

        assertEquals(502, e.getStatus());
        assertFalse(e.getMessage().contains("old-refresh"));
    }

    @Test
    void anEmptyAnswerIsToldAsSuch() {
        api.list = header -> null;

        AuthVitalException e = assertThrows(IdpUnavailableException.class, () -> client().list(ACCESS_TOKEN, null));

        assertTrue(e.getMessage().startsWith("AV1211E:"), e.getMessage());
    }

    @Test
    void anIdpThatCannotBeReachedIs503AndTheMessageHoldsNoToken() {
        api.list = header -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        };

        AuthVitalException e = assertThrows(IdpUnavailableException.class, () -> client().list(ACCESS_TOKEN, null));

        assertEquals(503, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1201E:"), e.getMessage());
        assertFalse(e.getMessage().contains(ACCESS_TOKEN));
    }

    @Test
    void theCallersTokenGoesAsABearerHeader() {
        api.list = header -> new SessionList(List.of(), 0);

        client().list(ACCESS_TOKEN, "other-app");

        assertEquals(List.of("Bearer " + ACCESS_TOKEN), api.authorizations);
    }

    /** The IdP as the REST client interface shows it, each call's answer set by the test. */
    private static final class FakeApi implements AuthVitalApi {
        Function<String, CompletableFuture<RevokeResult>> revoke = id -> {
            throw new AssertionError("no revocation expected");
        };
        Function<Form, TokenAnswer> token = form -> {
            throw new AssertionError("no token call expected");
        };
        Function<String, SessionList> list = header -> {
            throw new AssertionError("no list expected");
        };
        final ConcurrentLinkedQueue<String> revokeCalls = new ConcurrentLinkedQueue<>();
        final List<Form> forms = new ArrayList<>();
        final List<String> authorizations = new ArrayList<>();

        @Override
        public SessionList listSessions(String authorization, String applicationId) {
            authorizations.add(authorization);
            return list.apply(authorization);
        }

        @Override
        public RevokeResult revokeSession(String authorization, String sessionId) {
            return revokeSessionAsync(authorization, sessionId).toCompletableFuture().join();
        }

        @Override
        public CompletionStage<RevokeResult> revokeSessionAsync(String authorization, String sessionId) {
            revokeCalls.add(sessionId);
            return revoke.apply(sessionId);
        }

        @Override
        public RevokeAllResult revokeAll(String authorization, RevokeAllRequest body) {
            throw new AssertionError("no revokeAll expected");
        }

        @Override
        public RevokeResult logout(LogoutRequest body) {
            throw new AssertionError("no logout expected");
        }

        @Override
        public TokenAnswer token(Form form) {
            forms.add(form);
            return token.apply(form);
        }

        @Override
        public void close() {
        }
    }
}
