package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.idp.IdpFailures;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Silent refresh at {@code POST /oauth/token}, safe against the IdP's rotation: it hands out a new
 * refresh token on every refresh and, when an old one is presented again, revokes every session
 * of the user. So, per refresh token, across every server of the application:
 * <ul>
 * <li>one refresh at a time: on this server, concurrent requests with the same refresh token (the
 *     same session id) wait for the one call and share its result, success or failure; between
 *     servers, the first to claim it in the {@link SessionStore} calls the IdP and the others
 *     wait for its result there;</li>
 * <li>the result is kept for {@code authvital.refresh.grace} by the old token, sealed in the
 *     store, so that a second tab or a request already on its way with the old cookie, on any
 *     server, gets the new tokens;</li>
 * <li>after that, the old token is known as spent until it would have expired, and is refused
 *     without a call: presenting it to the IdP would sign the user out everywhere. Presented
 *     after the grace, a token whose successor was handed out is taken for a stolen one: the
 *     whole chain is denied on every server ({@code AV1413}), the thief's successor with it, and
 *     with {@code authvital.refresh.reuse.notify-idp} the IdP is told too.</li>
 * </ul>
 */
public final class TokenRefresher {

    /** How many refresh results this server keeps at hand, besides the store's. */
    static final int MAX_REMEMBERED = 100_000;
    private static final System.Logger LOG = System.getLogger(TokenRefresher.class.getName());
    /** How often a server waiting for another's refresh looks for its result. */
    private static final Duration POLL = Duration.ofMillis(25);

    /**
     * What a refresh gave. Kept whatever happens next: the IdP has spent the old refresh token, so
     * these are the user's only tokens now, even when the signing keys to check them cannot be
     * had at this moment.
     *
     * @param tokens       the IdP's answer: the new access and refresh tokens
     * @param oldSessionId the session the old refresh token belonged to
     * @param newSession   the new refresh token's session and expiry; empty when they could not be
     *                     checked (the IdP's keys out of reach)
     */
    public record Refreshed(TokenAnswer tokens, String oldSessionId, Optional<TokenValidator.RefreshToken> newSession) {

        /** Never a token. */
        @Override
        public String toString() {
            return "Refreshed[oldSessionId=" + oldSessionId + ", newSessionId="
                    + newSession.map(TokenValidator.RefreshToken::sessionId).orElse("?") + "]";
        }
    }

    private final IdpClient idp;
    private final TokenValidator validator;
    private final DeviceRecords devices;
    private final SessionStore store;
    private final Sealer sealer;
    private final Duration grace;
    /** Whether a spent refresh token presented after the grace is presented once to the IdP, which revokes its family. */
    private final boolean reportReuse;
    /** How long a server waits for another's refresh: as long as the IdP call may take, and a second. */
    private final Duration patience;
    private final Clock clock;
    private final Telemetry telemetry;
    /** This server's token calls: refreshes may use all of them, but no more. */
    private final TokenBudget budget;
    private final Revocations revocations;
    private final String serverId = UUID.randomUUID().toString();
    private final ConcurrentHashMap<String, CompletableFuture<Refreshed>> running = new ConcurrentHashMap<>();
    private final Cache<String, Refreshed> recent;
    /** Until when the IdP asked this server to make no token call (its 429's Retry-After). */
    private volatile Instant blockedUntil;

    public TokenRefresher(IdpClient idp, TokenValidator validator, Revocations revocations, DeviceRecords devices, SessionStore store, Sealer sealer,
                   Duration grace, boolean reportReuse, Duration patience, TokenBudget budget, Clock clock) {
        this(idp, validator, revocations, devices, store, sealer, grace, reportReuse, patience, budget, clock,
                Telemetry.NONE);
    }

    /** @param telemetry where each refresh's outcome is counted ({@code authvital.refreshes}) */
    public TokenRefresher(IdpClient idp, TokenValidator validator, Revocations revocations, DeviceRecords devices, SessionStore store, Sealer sealer,
                   Duration grace, boolean reportReuse, Duration patience, TokenBudget budget, Clock clock,
                   Telemetry telemetry) {
        this.telemetry = telemetry;
        this.idp = idp;
        this.budget = budget;
        this.validator = validator;
        this.revocations = revocations;
        this.devices = devices;
        this.store = store;
        this.sealer = sealer;
        this.grace = grace;
        this.reportReuse = reportReuse;
        this.patience = patience;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(grace)
                .executor(Runnable::run).build();
    }

    /** Until when the IdP asked this server to make no token call (its 429's {@code Retry-After}); null for none. */
    public Instant idpBlockedUntil() {
        Instant blocked = blockedUntil;
        return blocked != null && clock.instant().isBefore(blocked) ? blocked : null;
    }

    /**
     * New tokens for {@code refreshToken}, which must be this application's valid refresh token
     * of {@code session}.
     *
     * @throws NotAuthenticatedException when the IdP refused it, or it was spent before
     * @throws com.authvital.jakarta.SignInRequiredException when the user must sign in at the IdP again
     * @throws com.authvital.jakarta.IdpUnavailableException when the IdP cannot be used, or is rate-limiting
     */
    public Refreshed refresh(String refreshToken, TokenValidator.RefreshToken session) {
        boolean[] madeHere = {false};
        try {
            Refreshed result = refresh(refreshToken, session, madeHere);
            telemetry.refresh(madeHere[0] ? Telemetry.Refresh.SUCCESS : Telemetry.Refresh.SHARED);
            return result;
        } catch (RateLimitedException e) {
            telemetry.refresh(Telemetry.Refresh.RATE_LIMITED);
            throw e;
        } catch (IdpUnavailableException e) {
            telemetry.refresh(Telemetry.Refresh.UNAVAILABLE);
            throw e;
        } catch (SignInRequiredException e) {
            telemetry.refresh(Telemetry.Refresh.INTERACTION_REQUIRED);
            throw e;
        } catch (NotAuthenticatedException e) {
            telemetry.refresh(Telemetry.Refresh.REFUSED);
            throw e;
        }
    }

    /** The refresh; {@code madeHere[0]} is set when this call got the tokens from the IdP itself. */
    private Refreshed refresh(String refreshToken, TokenValidator.RefreshToken session, boolean[] madeHere) {
        String sessionId = session.sessionId();
        // Keyed by the session id: one per refresh token (each rotation makes a new session), and small.
        Refreshed done = recent.getIfPresent(sessionId);
        if (done != null) {
            return done;
        }
        Instant blocked = blockedUntil;
        if (blocked != null && clock.instant().isBefore(blocked)) {
            // The IdP is rate-limiting this server: no call until its Retry-After has passed.
            Duration wait = Duration.between(clock.instant(), blocked);
            throw new RateLimitedException(wait, List.of(), Messages.idpRateLimited(
                    IdpFailures.Call.REFRESH.label, Math.max(1, wait.toSeconds())));
        }
        CompletableFuture<Refreshed> mine = new CompletableFuture<>();
        CompletableFuture<Refreshed> theirs = running.putIfAbsent(sessionId, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            // Looked at again under the flag: a refresh may have ended between the first look and now.
            Refreshed result = recent.getIfPresent(sessionId);
            if (result == null) {
                result = shared(sessionId).orElse(null);
            }
            if (result == null) {
                result = refreshOnce(refreshToken, session, madeHere);
            }
            recent.put(sessionId, result);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(sessionId, mine);
        }
    }

    /**
     * The refresh, made here when this server claims it first in the store, else awaited from the
     * server that did. Never decided in one server's memory: while the store cannot be reached,
     * another server could present the same token, and the IdP would revoke every session of the
     * user; the request goes on with its access token while that is valid, else gets 503.
     */
    private Refreshed refreshOnce(String refreshToken, TokenValidator.RefreshToken session, boolean[] madeHere) {
        String sessionId = session.sessionId();
        requireReachable();
        if (!store.putIfAbsent(SessionStore.Region.CLAIMS, sessionId, serverId, clock.instant().plus(patience))) {
            return awaitOtherServer(sessionId);
        }
        try {
            requireReachable(); // the claim was decided in memory if the engine went away meanwhile
            Optional<Refreshed> done = shared(sessionId); // another server's, ended just before this claim
            if (done.isPresent()) {
                return done.get();
            }
            Optional<Revocations.SpentMark> spent = revocations.spent(sessionId);
            if (spent.isPresent()) {
                if (spent.get().how() == Revocations.Spent.ROTATED) {
                    reused(refreshToken, sessionId, spent.get().chain(), session.expiresAt());
                }
                throw new NotAuthenticatedException(null, List.of(), Messages.refreshTokenRotatedOut());
            }
            Refreshed made = call(refreshToken, session);
            madeHere[0] = true;
            return made;
        } finally {
            store.remove(SessionStore.Region.CLAIMS, sessionId);
        }
    }

    private void requireReachable() {
        if (!store.reachable()) {
            throw new IdpUnavailableException(503, null, List.of(), Messages.storeUnreachableRefused(), null);
        }
    }

    /**
     * Another server is refreshing this token: its result, as soon as it is in the store. Waits at
     * most as long as an IdP call may take; the claim goes with the call, whatever its outcome.
     */
    private Refreshed awaitOtherServer(String sessionId) {
        Instant giveUp = clock.instant().plus(patience);
        while (clock.instant().isBefore(giveUp)) {
            Optional<Refreshed> result = shared(sessionId);
            if (result.isPresent()) {
                return result.get();
            }
            if (store.get(SessionStore.Region.CLAIMS, sessionId).isEmpty()) {
                // Its call ended without a result: spent (refused, or lost on the way) or never made.
                result = shared(sessionId);
                if (result.isPresent()) {
                    return result.get();
                }
                if (revocations.spent(sessionId).isPresent()) {
                    throw new NotAuthenticatedException(null, List.of(), Messages.refreshTokenRotatedOut());
                }
                break;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IdpUnavailableException(503, null, List.of(), Messages.otherServerRefreshing(
                Math.max(1, patience.toSeconds())), null);
    }


    /**
     * A refresh token whose successor was handed out, presented after the grace: the thief's or
     * the owner's copy, whichever came second. The whole chain goes, on every server: the
     * successor's access tokens and refresh token too. Told to the IdP once, when so configured:
     * it then revokes every session of the user.
     */
    private void reused(String refreshToken, String sessionId, String chain, Instant expiresAt) {
        revocations.denyChain(chain);
        telemetry.revocation("reuse");
        LOG.log(System.Logger.Level.WARNING, Messages.refreshTokenReused(sessionId, reportReuse));
        String reported = StoreKeys.of("reported", sessionId);
        if (reportReuse && store.putIfAbsent(SessionStore.Region.SPENT, reported, "1", expiresAt)) {
            if (!budget.refresh().granted()) {
                store.remove(SessionStore.Region.SPENT, reported); // told on its next reuse instead
                return;
            }
            try {
                idp.refresh(refreshToken);
            } catch (RuntimeException e) {
                // The expected answer: 401, after which the IdP revokes the family.
            }
        }
    }

    private Refreshed call(String refreshToken, TokenValidator.RefreshToken session) {
        String sessionId = session.sessionId();
        TokenBudget.Decision allowed = budget.refresh();
        if (!allowed.granted()) {
            // As after the IdP's own 429, and before the token is marked spent: it was not sent.
            throw new RateLimitedException(allowed.retryAfter(), Messages.refreshBudgetSpent(allowed.retryAfterSeconds()));
        }
        TokenAnswer tokens;
        // Spent before the call, not after: should this server die, or the call outlive the claim,
        // no server presents the token again (the IdP would revoke every session of the user); at
        // worst this device signs in again. Taken back only when the IdP surely did not rotate it.
        // At the store's bound this refuses the refresh (503): a spent mark is never forgotten.
        revocations.spending(sessionId, session.expiresAt());
        // Seen before the call: a token minted in answer to it comes after the roles changed.
        long staleBefore = revocations.access().staleSecond(session.userId(), session.tenantId());
        try {
            tokens = idp.refresh(refreshToken);
        } catch (RateLimitedException e) {
            revocations.unspent(sessionId);
            blockedUntil = clock.instant().plus(e.getRetryAfter());
            throw e;
        } catch (IdpUnavailableException e) {
            if (!maybeSpent(e)) {
                revocations.unspent(sessionId);
            }
            // Else the IdP may have rotated the token before the answer was lost: it stays spent.
            throw e;
        } catch (SignInRequiredException e) {
            revocations.unspent(sessionId); // the IdP wants the user first; the token still stands
            throw e;
        }
        // The answer is kept before anything else can fail. The access token is checked by whoever uses it.
        store.put(SessionStore.Region.REFRESHES, sessionId, seal(sealer, sessionId, tokens),
                clock.instant().plus(grace));
        if (staleBefore >= 0) {
            revocations.access().admit(tokens.accessToken(), clock.instant().plusSeconds(tokens.expiresIn()), staleBefore);
        }
        Refreshed result = refreshed(tokens, sessionId);
        // The bookkeeping goes on while the IdP's keys cannot be had: the new token came from the IdP itself.
        result.newSession().or(() -> validator.claimedRefreshToken(tokens.refreshToken())).ifPresent(next -> {
            devices.rotated(sessionId, next.sessionId());
            revocations.refreshed(sessionId, next.sessionId(), next.expiresAt(), tokens.accessToken(),
                    clock.instant().plusSeconds(tokens.expiresIn()), issuedAt(tokens.accessToken()));
        });
        // Last: a reuse of the old token counts as theft only once its successor is on the chain.
        revocations.rotated(sessionId, session.expiresAt());
        return result;
    }

    /** The {@code iat} of a new access token, which tells the IdP's clock; 0 when it cannot be checked now. */
    private long issuedAt(String accessToken) {
        try {
            return validator.validate(accessToken).principal().getIssuedAtTime();
        } catch (AuthVitalException e) {
            return 0;
        }
    }

    private Refreshed refreshed(TokenAnswer tokens, String sessionId) {
        return new Refreshed(tokens, sessionId, validator.refreshToken(tokens.refreshToken()));
    }

    /**
     * The result of a refresh that a server of the application made within the grace, from the
     * store; only one sealed for this very session (a result moved under another key is not one).
     */
    private Optional<Refreshed> shared(String sessionId) {
        return store.get(SessionStore.Region.REFRESHES, sessionId).flatMap(sealed -> open(sealer, sessionId, sealed))
                .map(tokens -> refreshed(tokens, sessionId));
    }

    /** A refresh's new tokens, sealed for the store, bound to the old session they replace. */
    static String seal(Sealer sealer, String sessionId, TokenAnswer tokens) {
        return sealer.seal(json(sessionId, tokens));
    }

    /** The tokens sealed for this very old session; empty for anything else (another key, or moved from another session). */
    static Optional<TokenAnswer> open(Sealer sealer, String sessionId, String sealed) {
        return sealer.open(sealed).flatMap(text -> tokens(text, sessionId));
    }

    private static String json(String sessionId, TokenAnswer tokens) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", sessionId);
        json.put("access_token", tokens.accessToken());
        json.put("token_type", tokens.tokenType());
        json.put("expires_in", tokens.expiresIn());
        json.put("refresh_token", tokens.refreshToken());
        json.put("scope", tokens.scope());
        return JSONObjectUtils.toJSONString(json);
    }

    private static Optional<TokenAnswer> tokens(String text, String sessionId) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            if (!sessionId.equals(JSONObjectUtils.getString(json, "sid"))) {
                return Optional.empty();
            }
            return Optional.of(new TokenAnswer(JSONObjectUtils.getString(json, "access_token"),
                    JSONObjectUtils.getString(json, "token_type"), JSONObjectUtils.getLong(json, "expires_in"),
                    JSONObjectUtils.getString(json, "refresh_token"), JSONObjectUtils.getString(json, "scope"), null));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the IdP may have rotated the refresh token though no usable answer came: it timed
     * out, or it answered a success that could not be read or lacked the tokens. Not when no
     * connection was made (503) or the IdP answered an error status.
     */
    private static boolean maybeSpent(IdpUnavailableException e) {
        return e.getIdpStatus().isEmpty() && e.getStatus() != 503;
    }

    private static Refreshed join(CompletableFuture<Refreshed> refresh) {
        try {
            return refresh.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AuthVitalException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
