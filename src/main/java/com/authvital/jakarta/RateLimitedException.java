package com.authvital.jakarta;

import java.time.Duration;
import java.util.List;

/**
 * The IdP answered {@code 429 Too Many Requests}: it limits calls per client IP (30 a minute on
 * {@code POST /oauth/token}, 100 on the rest), and a web application calls for all its users from
 * one IP. {@link #getStatus()} is 503; answer your client with a {@code Retry-After} of
 * {@link #getRetryAfter()}: nothing is wrong with the user's sign-in, it only has to wait.
 */
public class RateLimitedException extends IdpUnavailableException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter  how long the IdP asked to wait ({@code Retry-After}), or the module's default
     * @param idpMessages the IdP's message, possibly empty
     * @param message     what happened and what to do
     */
    public RateLimitedException(Duration retryAfter, List<String> idpMessages, String message) {
        super(503, 429, idpMessages, message, null);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before calling the IdP again: its {@code Retry-After}, else a minute. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
