package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.internal.message.Messages;

/**
 * What the validator asks of the revocations, without knowing where they are kept: whether a
 * token that passed its checks was revoked since, and that it was seen (its lifetime bounds how
 * long a "log out everywhere" must be remembered).
 */
public interface RevocationList {

    /** None: every valid token is accepted, nothing is noted. */
    RevocationList NONE = new RevocationList() {
        @Override
        public void seen(ValidatedToken token) {
        }

        @Override
        public boolean refuses(ValidatedToken token) {
            return false;
        }
    };

    /** Notes a token validated here for the first time. */
    void seen(ValidatedToken token);

    /** Whether the token, or its session or user, was revoked. */
    boolean refuses(ValidatedToken token);

    /** Why a valid token is refused, as the caller is told: null when it is accepted. */
    default String refusal(ValidatedToken token) {
        return refuses(token) ? Messages.tokenRevokedHere() : null;
    }
}
