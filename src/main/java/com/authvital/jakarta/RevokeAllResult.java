package com.authvital.jakarta;

import java.util.Objects;

/**
 * The IdP's answer to {@link AuthVitalSessions#revokeAll}: "log out everywhere".
 *
 * @param success whether the call succeeded
 * @param message the IdP's message, e.g. {@code "Revoked 3 session(s)"}
 * @param count   how many sessions were revoked
 */
public record RevokeAllResult(boolean success, String message, int count) {

    /** The IdP always says what it did; an answer without a message is refused. */
    public RevokeAllResult {
        Objects.requireNonNull(message, "message");
    }
}
