package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalPrincipal;

/**
 * An access token that passed validation, with its user. Kept as a request attribute by the
 * filter so that the sessions service forwards it without validating it again.
 *
 * @param token     the raw token, to forward to the IdP
 * @param principal its user
 * @param expiresAt when it stops being valid, epoch milliseconds
 */
public record ValidatedToken(String token, AuthVitalPrincipal principal, long expiresAt) {

    /** The request attribute under which the filter keeps the validated token. */
    public static final String ATTRIBUTE = ValidatedToken.class.getName();

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ValidatedToken[" + principal + "]";
    }
}
