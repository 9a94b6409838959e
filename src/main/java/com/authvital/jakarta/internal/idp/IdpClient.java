package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.SessionList;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Form;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The IdP's session calls and its token endpoint, each answer or failure turned into the module's results and
 * exceptions. Built once per application: one REST client, one JSON-B instance.
 */
public final class IdpClient implements AutoCloseable {

    /** The longest wait for the IdP's rate limit within one {@link #revokeEach}. */
    static final int MAX_RATE_LIMIT_WAIT_SECONDS = 10;
    /** How many times {@link #revokeEach} goes over the rate-limited sessions. */
    static final int RATE_LIMIT_ROUNDS = 3;

    private final AuthVitalApi api;
    private final JsonbContext jsonb;
    private final IdpFailures failures;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Telemetry telemetry;
    private final IdpLink link = new IdpLink(System::nanoTime);

    /** Builds the REST client from the validated configuration. */
    public IdpClient(AuthVitalConfig config) {
        this(config, Telemetry.NONE);
    }

    /** @param telemetry where each call is timed and traced ({@code authvital.idp.*}) */
    public IdpClient(AuthVitalConfig config, Telemetry telemetry) {
        this(config, new JsonbContext(), null, telemetry);
    }

    /**
     * Over {@code api} instead of a REST client: a unit test's, where no REST client runtime is
     * at hand (the decisions here are the same whoever carries the calls).
     */
    IdpClient(AuthVitalConfig config, AuthVitalApi api) {
        this(config, new JsonbContext(), api, Telemetry.NONE);
    }

    private IdpClient(AuthVitalConfig config, JsonbContext jsonb, AuthVitalApi api, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.jsonb = jsonb;
        this.failures = new IdpFailures(config);
        this.clientId = config.idp().clientId();
        this.clientSecret = config.signIn().clientSecret();
        this.api = api != null ? api : RestClientBuilder.newBuilder()
                .baseUri(config.idp().restUrl())
                .connectTimeout(config.idp().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.idp().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(jsonb)
                .register(new IdpBodyLimit())
                .register(new IdpFailures.ErrorMapper())
                .register(new SessionIdSegmentFilter(config.idp().restUrl()))
                .followRedirects(false)
                .build(AuthVitalApi.class);
    }

    /** {@code GET /oauth/sessions}. */
    public SessionList list(String accessToken, String applicationId) {
        return call(IdpFailures.Call.LIST, () -> api.listSessions(bearer(accessToken), applicationId));
    }

    /** {@code POST /oauth/sessions/{id}/revoke}. */
    public RevokeResult revoke(String accessToken, String sessionId) {
        return call(IdpFailures.Call.REVOKE, () -> api.revokeSession(bearer(accessToken), sessionId));
    }

    /** What became of one session in {@link #revokeEach}: the IdP's answer, or the failure. */
    public record Outcome(String sessionId, RevokeResult result, AuthVitalException failure) {
    }

    /**
     * {@code POST /oauth/sessions/{id}/revoke} for each id, at most {@code parallel} at a time.
     * Never throws for one session's failure: each outcome says what happened. When the IdP
     * rate-limits (429), the sessions it refused are tried again after its {@code Retry-After}
     * (at most {@value #MAX_RATE_LIMIT_WAIT_SECONDS} s each time, {@value #RATE_LIMIT_ROUNDS}
     * rounds), rather than left half done.
     */
    public List<Outcome> revokeEach(String accessToken, List<String> sessionIds, int parallel) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> todo = sessionIds;
        for (int round = 0; ; round++) {
            List<String> limited = new ArrayList<>();
            Duration wait = Duration.ZERO;
            for (Outcome outcome : revokeOnce(accessToken, todo, parallel)) {
                outcomes.put(outcome.sessionId(), outcome);
                if (outcome.failure() instanceof RateLimitedException e) {
                    limited.add(outcome.sessionId());
                    wait = e.getRetryAfter().compareTo(wait) > 0 ? e.getRetryAfter() : wait;
                }
            }
            if (limited.isEmpty() || round + 1 >= RATE_LIMIT_ROUNDS || !pause(wait)) {
                return List.copyOf(outcomes.values());
            }
            todo = limited;
        }
    }

    /** Waits as the IdP asked, within bounds; false when interrupted. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(Math.min(wait.toMillis(), MAX_RATE_LIMIT_WAIT_SECONDS * 1000L));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Outcome> revokeOnce(String accessToken, List<String> sessionIds, int parallel) {
        Semaphore permits = new Semaphore(parallel);
        Map<String, CompletableFuture<RevokeResult>> calls = new LinkedHashMap<>();
        for (String id : sessionIds) {
            permits.acquireUninterruptibly();
            Telemetry.Call traced = telemetry.idpCall(Telemetry.Endpoint.REVOKE);
            CompletableFuture<RevokeResult> call;
            try {
                call = api.revokeSessionAsync(bearer(accessToken), id).toCompletableFuture();
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((result, error) -> {
                permits.release();
                if (error == null) {
                    traced.end(200, null);
                    link.answered();
                } else {
                    AuthVitalException failure = failures.translate(IdpFailures.Call.REVOKE,
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                    traced.end(failure.getIdpStatus().orElse(0), Telemetry.messageId(failure.getMessage()));
                    link.failed(failure);
                }
            });
            calls.put(id, call);
        }
        List<Outcome> outcomes = new ArrayList<>();
        calls.forEach((id, call) -> {
            try {
                outcomes.add(new Outcome(id, call.join(), null));
            } catch (CompletionException | CancellationException e) {
                outcomes.add(new Outcome(id, null, failures.translate(IdpFailures.Call.REVOKE, e.getCause() == null ? e : e.getCause())));
            }
        });
        return outcomes;
    }

    /** {@code POST /oauth/logout-all}. */
    public RevokeAllResult revokeAll(String accessToken, String applicationId) {
        return call(IdpFailures.Call.REVOKE_ALL,
                () -> api.revokeAll(bearer(accessToken), new RevokeAllRequest(applicationId)));
    }

    /** {@code POST /oauth/logout}. */
    public RevokeResult logout(String refreshToken) {
        return call(IdpFailures.Call.LOGOUT, () -> api.logout(new LogoutRequest(refreshToken)));
    }

    /**
     * {@code POST /oauth/token} with {@code grant_type=authorization_code}: a sign-in's code for
     * tokens, proving the PKCE verifier (and the client secret, when one is configured).
     */
    public TokenAnswer exchangeCode(String code, String redirectUri, String verifier) {
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri).param("code_verifier", verifier);
        return tokens(IdpFailures.Call.CODE_EXCHANGE, form);
    }

    /** {@code POST /oauth/token} with {@code grant_type=refresh_token}: new tokens, the refresh token rotated. */
    public TokenAnswer refresh(String refreshToken) {
        return tokens(IdpFailures.Call.REFRESH, new Form().param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken));
    }

    private TokenAnswer tokens(IdpFailures.Call call, Form form) {
        form.param("client_id", clientId);
        clientSecret.ifPresent(secret -> form.param("client_secret", secret));
        TokenAnswer answer = call(call, () -> api.token(form));
        if (answer.accessToken() == null || answer.refreshToken() == null || answer.expiresIn() == null) {
            throw failures.incompleteTokens(call);
        }
        return answer;
    }

    /**
     * One call: traced as a client span ({@code authvital.idp.<endpoint>}), timed and counted, and
     * its outcome told to the link's state ({@link IdpLink}).
     */
    private <T> T call(IdpFailures.Call call, Supplier<T> request) {
        Telemetry.Call traced = telemetry.idpCall(endpoint(call));
        T answer;
        try {
            answer = request.get();
        } catch (IdpFailures.ErrorAnswer | ProcessingException | WebApplicationException e) {
            throw failed(traced, failures.translate(call, e));
        } catch (RuntimeException | Error e) {
            traced.end(0, "unknown"); // a bug, not the IdP's: the span ends, the link's state stays
            throw e;
        }
        if (answer == null) {
            throw failed(traced, failures.emptyAnswer(call));
        }
        traced.end(200, null);
        link.answered();
        return answer;
    }

    private AuthVitalException failed(Telemetry.Call traced, AuthVitalException failure) {
        traced.end(failure.getIdpStatus().orElse(0), Telemetry.messageId(failure.getMessage()));
        link.failed(failure);
        return failure;
    }

    private static Telemetry.Endpoint endpoint(IdpFailures.Call call) {
        return switch (call) {
            case LIST -> Telemetry.Endpoint.SESSIONS;
            case REVOKE -> Telemetry.Endpoint.REVOKE;
            case REVOKE_ALL -> Telemetry.Endpoint.LOGOUT_ALL;
            case LOGOUT -> Telemetry.Endpoint.LOGOUT;
            case CODE_EXCHANGE, REFRESH -> Telemetry.Endpoint.TOKEN;
        };
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (Exception e) {
            // closing releases connections; nothing is lost if it fails
        }
        jsonb.close();
    }
}
