package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Silent refresh at {@code POST /oauth/token}, safe against the IdP's rotation: it hands out a new
 * refresh token on every refresh and, when an old one is presented again, revokes every session
 * of the user. So, per refresh token:
 * <ul>
 * <li>one refresh at a time: concurrent requests with the same refresh token (the same session id) wait for the one
 *     call and share its result, success or failure;</li>
 * <li>the result is kept for {@code authvital.refresh.grace} by the old token, so that a second
 *     tab or a request already on its way with the old cookie gets the new tokens;</li>
 * <li>after that, the old token is known as rotated out until it would have expired, and is
 *     refused here without a call: presenting it to the IdP would sign the user out everywhere.</li>
 * </ul>
 * One server's memory; two servers refreshing the same token race (see the README's cluster note).
 */
final class TokenRefresher {

    /** How many refresh tokens' outcomes are remembered at most. */
    static final int MAX_REMEMBERED = 100_000;

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
    record Refreshed(TokenAnswer tokens, String oldSessionId, Optional<TokenValidator.RefreshToken> newSession) {

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
    private final ConcurrentHashMap<String, CompletableFuture<Refreshed>> running = new ConcurrentHashMap<>();
    private final Cache<String, Refreshed> recent;
    private final Cache<String, Boolean> rotatedOut;
    /** Until when the IdP asked this server to make no token call (its 429's Retry-After). */
    private volatile Instant blockedUntil;

    TokenRefresher(IdpClient idp, TokenValidator validator, DeviceRecords devices, Duration grace) {
        this.idp = idp;
        this.validator = validator;
        this.devices = devices;
        this.recent = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(grace)
                .executor(Runnable::run).build();
        // A refresh token lives about a week; one rotated out is refused locally that long.
        this.rotatedOut = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(Duration.ofDays(8))
                .executor(Runnable::run).build();
    }

    /**
     * New tokens for {@code refreshToken}, which must be this application's valid refresh token
     * of session {@code sessionId}.
     *
     * @throws NotAuthenticatedException when the IdP refused it, or it was rotated out here before
     * @throws com.authvital.jakarta.SignInRequiredException when the user must sign in at the IdP again
     * @throws com.authvital.jakarta.IdpUnavailableException when the IdP cannot be used, or is rate-limiting
     */
    Refreshed refresh(String refreshToken, String sessionId) {
        // Keyed by the session id: one per refresh token (each rotation makes a new session), and small.
        Refreshed done = recent.getIfPresent(sessionId);
        if (done != null) {
            return done;
        }
        Instant blocked = blockedUntil;
        if (blocked != null && Instant.now().isBefore(blocked)) {
            // The IdP is rate-limiting this server: no call until its Retry-After has passed.
            Duration wait = Duration.between(Instant.now(), blocked);
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
            // Rotated out only here: while a refresh checks the IdP's answer, its token is already
            // rotated out but its result not yet kept, and a request then must wait for that result.
            Refreshed result = recent.getIfPresent(sessionId);
            if (result == null) {
                if (rotatedOut.getIfPresent(sessionId) != null) {
                    throw new NotAuthenticatedException(null, List.of(), Messages.refreshTokenRotatedOut());
                }
                result = call(refreshToken, sessionId);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(sessionId, mine);
        }
    }

    private Refreshed call(String refreshToken, String sessionId) {
        TokenAnswer tokens;
        try {
            tokens = idp.refresh(refreshToken);
        } catch (RateLimitedException e) {
            blockedUntil = Instant.now().plus(e.getRetryAfter());
            throw e;
        } catch (IdpUnavailableException e) {
            if (maybeSpent(e)) {
                // The IdP may have rotated the token before the answer was lost: never present it
                // again (that would revoke every session of the user); this device signs in again.
                rotatedOut.put(sessionId, Boolean.TRUE);
            }
            throw e;
        }
        // From here the old token is spent at the IdP, whatever happens next: the answer is kept
        // before anything else can fail. The access token is checked by whoever uses it.
        rotatedOut.put(sessionId, Boolean.TRUE);
        Optional<TokenValidator.RefreshToken> next = validator.refreshToken(tokens.refreshToken());
        Refreshed result = new Refreshed(tokens, sessionId, next);
        recent.put(sessionId, result);
        next.ifPresent(session -> {
            devices.rotated(sessionId, session.sessionId());
            validator.revocations().refreshed(sessionId, session.sessionId(), tokens.accessToken());
        });
        return result;
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
