package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Authenticator#decide} made of a request, and all of it: who the caller is or why
 * there is none, and what the answer must do with the token cookies. The filter, the Jakarta
 * Security mechanism and the sessions service each translate it into HTTP or an exception in one
 * switch over {@link #kind()}: the module is on Java 17, which has no pattern switch, and a switch
 * expression over an enum must name every constant, so a new kind of verdict breaks each
 * translation until it answers it. Never holds a token in its {@code toString}.
 */
sealed interface Verdict {

    /** One constant per record: the one the record is. */
    enum Kind { AUTHENTICATED, REFRESHED, ANONYMOUS, REFUSED, UNAVAILABLE }

    /** Which of the records this is. */
    Kind kind();

    /** What the answer does with the token cookies. */
    CookieChange cookies();

    /**
     * A valid access token, as sent.
     *
     * @param user           the validated token
     * @param refreshFailure why a refresh it needed (expiring within the margin) could not be made;
     *                       the user goes on with this token while it is valid here
     */
    record Authenticated(ValidatedToken user, Optional<IdpUnavailableException> refreshFailure) implements Verdict {

        public Authenticated {
            Objects.requireNonNull(user);
        }

        Authenticated(ValidatedToken user) {
            this(user, Optional.empty());
        }

        @Override
        public Kind kind() {
            return Kind.AUTHENTICATED;
        }

        @Override
        public CookieChange cookies() {
            return CookieChange.KEEP;
        }
    }

    /**
     * A user from new tokens: the refresh token cookie was exchanged, and both cookies must be set.
     *
     * @param user    the new access token, validated
     * @param cookies the new tokens and their lifetimes
     */
    record Refreshed(ValidatedToken user, CookieChange.Write cookies) implements Verdict {

        public Refreshed {
            Objects.requireNonNull(user);
            Objects.requireNonNull(cookies);
        }

        @Override
        public Kind kind() {
            return Kind.REFRESHED;
        }
    }

    /** No token at all, nor a refresh token cookie worth a refresh: nobody claims to be anyone. */
    record Anonymous() implements Verdict {

        @Override
        public Kind kind() {
            return Kind.ANONYMOUS;
        }

        @Override
        public CookieChange cookies() {
            return CookieChange.KEEP;
        }
    }

    /**
     * A token that will not do: refused, or its refresh refused, or a cross-site request that only
     * cookies authenticate.
     *
     * @param failure   why: a {@link NotAuthenticatedException} (401; a {@link SignInRequiredException}
     *                  when the IdP wants the user at its sign-in) or an {@link AccessDeniedException} (403)
     * @param tokenSent whether the request held a token, for RFC 6750 §3.1: no error code without one
     * @param cookies   cleared when the refresh token is dead (refused by the IdP, or its session
     *                  revoked here); written when a refresh gave tokens that could not be used
     */
    record Refused(AuthVitalException failure, boolean tokenSent, CookieChange cookies) implements Verdict {

        public Refused {
            if (!(failure instanceof NotAuthenticatedException || failure instanceof AccessDeniedException)) {
                throw new IllegalArgumentException("a refusal is a NotAuthenticatedException or an AccessDeniedException");
            }
            Objects.requireNonNull(cookies);
        }

        @Override
        public Kind kind() {
            return Kind.REFUSED;
        }

        /** 401, or 403 for a {@link #crossSite()} one. */
        int status() {
            return failure.getStatus();
        }

        /** What the client is told, with its message id. */
        String message() {
            return failure.getMessage();
        }

        /** A cross-site request that only cookies authenticate: signing in again would not help. */
        boolean crossSite() {
            return failure instanceof AccessDeniedException;
        }

        /** The IdP wants the user at its sign-in before it refreshes; nothing was revoked. */
        boolean signInRequired() {
            return failure instanceof SignInRequiredException;
        }
    }

    /**
     * No answer can be had now: the IdP's keys, or a needed refresh, or the shared store (AV1503).
     *
     * @param failure why, with the status to answer (503 mostly)
     * @param cookies written when a refresh gave tokens that could not be checked yet: the IdP has
     *                spent the old refresh token, so these are the user's only ones
     */
    record Unavailable(IdpUnavailableException failure, CookieChange cookies) implements Verdict {

        /** When no {@code Retry-After} is known: a short wait, the outage may be a blip. */
        static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

        public Unavailable {
            Objects.requireNonNull(failure);
            Objects.requireNonNull(cookies);
        }

        Unavailable(IdpUnavailableException failure) {
            this(failure, CookieChange.KEEP);
        }

        @Override
        public Kind kind() {
            return Kind.UNAVAILABLE;
        }

        /** RFC 9110 §10.2.3 {@code Retry-After}: the IdP's own when it is rate-limiting, at least a second. */
        long retryAfterSeconds() {
            return failure instanceof RateLimitedException limited
                    ? Math.max(1, limited.getRetryAfter().toSeconds()) : DEFAULT_RETRY_AFTER_SECONDS;
        }
    }
}
