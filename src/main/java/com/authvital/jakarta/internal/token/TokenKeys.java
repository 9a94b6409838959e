package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.internal.store.StoreKeys;

/**
 * The names under which the store keeps what concerns a token or its user: an access token's
 * hash (its denial, its chain's list) and a user's key (a "log out everywhere"). Computed once,
 * with the validation ({@link ValidatedToken}).
 */
public final class TokenKeys {

    private TokenKeys() {
    }

    /** The key of an access token: how revocations and the shared store name it. */
    public static String hash(String token) {
        return StoreKeys.of("t", token);
    }

    /** The key of a user's "log out everywhere". */
    public static String userKey(String userId) {
        return StoreKeys.of("u", userId);
    }
}
