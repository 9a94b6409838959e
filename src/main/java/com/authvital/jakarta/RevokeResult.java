package com.authvital.jakarta;

import java.util.Objects;

/**
 * The IdP's answer to revoking one session or logging one out.
 *
 * <p>{@code success} is {@code false} when the IdP had nothing to revoke, for instance
 * {@code "Session not found or already revoked"}; that is an answer, not an error.
 *
 * @param success whether a session was revoked by this call
 * @param message the IdP's message, e.g. {@code "Session revoked successfully"}
 */
public record RevokeResult(boolean success, String message) {

    /** The IdP always says what it did; an answer without a message is refused. */
    public RevokeResult {
        Objects.requireNonNull(message, "message");
    }
}
