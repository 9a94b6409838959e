package com.authvital.jakarta;

/**
 * The IdP's answer to {@link AuthVitalSessions#revokeAll}: "log out everywhere".
 *
 * @param success whether the call succeeded
 * @param message the IdP's message, e.g. {@code "Revoked 3 session(s)"}
 * @param count   how many sessions were revoked
 */
public record RevokeAllResult(boolean success, String message, int count) {
}
