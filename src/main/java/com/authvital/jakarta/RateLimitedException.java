package com.authvital.jakarta;

import java.time.Duration;
import java.util.List;

/**
 * The IdP answered {@code 429 Too Many Requests}, or the module held a call back so that it would
 * not: the IdP limits calls per client IP (30 a minute on {@code POST /oauth/token}, 100 on the
 * rest), and a web application calls for all its users from one IP. {@link #getStatus()} is 503;
 * answer your client with a {@code Retry-After} of {@link #getRetryAfter()}: nothing is wrong with
 * the user's sign-in, it only has to wait. {@link #getIdpStatus()} is 429 when the IdP answered,
 * empty when the module's own budget of token calls ({@code authvital.idp.token-budget}) refused.
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

    /**
     * The module did not call the IdP: the call would have taken more than its budget of the IdP's limit.
     *
     * @param retryAfter how long until the budget allows the call
     * @param message    what happened and what to do
     */
    public RateLimitedException(Duration retryAfter, String message) {
        super(503, null, List.of(), message, null);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before calling the IdP again: its {@code Retry-After}, else a minute. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
