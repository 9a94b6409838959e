package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.jakarta.internal.token.TokenExtractor;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.jakarta.internal.token.ValidatedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sessions service's side of the authenticator: the caller's token to forward to the IdP, or
 * the exception that says why there is none; and the caller's current session. Behind
 * {@link Authenticator#callerToken} and {@link Authenticator#currentSessionId}.
 */
final class CallerTokens {

    private final Authenticator authenticator;
    private final VerdictEffects effects;
    private final StoreGate gate;
    private final TokenExtractor tokens;
    private final TokenValidator validator;
    private final String cookieName;
    private final Clock clock;

    CallerTokens(Authenticator authenticator, VerdictEffects effects, StoreGate gate, TokenExtractor tokens,
                 TokenValidator validator, String cookieName, Clock clock) {
        this.authenticator = authenticator;
        this.effects = effects;
        this.gate = gate;
        this.tokens = tokens;
        this.validator = validator;
        this.cookieName = cookieName;
        this.clock = clock;
    }

    /** As {@link Authenticator#callerToken(HttpServletRequest)}: never refreshes, so it writes nothing. */
    String callerToken(HttpServletRequest request) {
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken validated) {
            gate.check(request);
            return forwardable(request, validated); // the filter judged it, origin included
        }
        return tokenOf(request, authenticator.decide(request, false));
    }

    /**
     * As {@link Authenticator#callerToken(HttpServletRequest, HttpServletResponse)}: a refresh's
     * cookies go on {@code response}.
     */
    String callerToken(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ValidatedToken.ATTRIBUTE) instanceof ValidatedToken validated) {
            return forwardable(request, validated);
        }
        Verdict verdict = authenticator.decide(request, true);
        effects.apply(verdict, request, response);
        return tokenOf(request, verdict);
    }

    /** The verdict as the service sees it: a token to forward, or the exception to throw. */
    private String tokenOf(HttpServletRequest request, Verdict verdict) {
        return switch (verdict.kind()) {
            case AUTHENTICATED -> forwardable(request, ((Verdict.Authenticated) verdict).user());
            case REFRESHED -> forwardable(request, ((Verdict.Refreshed) verdict).user());
            case ANONYMOUS -> throw new NotAuthenticatedException(null, List.of(), Messages.noAccessToken(cookieName));
            case REFUSED -> throw ((Verdict.Refused) verdict).failure();
            case UNAVAILABLE -> throw ((Verdict.Unavailable) verdict).failure();
        };
    }

    /**
     * The token, unless it is past its {@code exp}: accepted here within the clock skew, but the
     * IdP refuses it, and its 401 would tell the client to sign in again. When a refresh was
     * needed and could not be made (rate limit, outage), that failure instead (503, with its
     * {@code Retry-After}); else the token's expiry (401).
     */
    private String forwardable(HttpServletRequest request, ValidatedToken token) {
        if (token.expiresAt() > clock.millis()) {
            return token.token();
        }
        if (request.getAttribute(Authenticator.REFRESH_FAILED) instanceof IdpUnavailableException failure) {
            throw failure;
        }
        throw new NotAuthenticatedException(null, List.of(), Messages.invalidAccessToken("it has expired"));
    }

    /** As {@link Authenticator#currentSessionId}. */
    Optional<String> currentSessionId(HttpServletRequest request) {
        if (request.getAttribute(Authenticator.REFRESHED) instanceof TokenRefresher.Refreshed refreshed
                && refreshed.newSession().isPresent()) {
            return Optional.of(refreshed.newSession().get().sessionId());
        }
        return tokens.refreshTokenCookie(request).flatMap(validator::sessionIdOf);
    }

    @Override
    public String toString() {
        return "CallerTokens";
    }
}
