package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.internal.store.StoreKeys;
import java.util.Base64;

/**
 * The names under which the store keeps what concerns a token or its user: an access token's
 * hash (its denial, its chain's list) and a user's key (a "log out everywhere"); and a token's
 * fingerprint, from the same digest as its hash. Computed once, with the validation
 * ({@link ValidatedToken}).
 */
public final class TokenKeys {

    private TokenKeys() {
    }

    /** The key of an access token: how revocations and the shared store name it. */
    public static String hash(String token) {
        return StoreKeys.of("t", token);
    }

    /** The SHA-256 that a token's {@link #hash(byte[]) hash} and {@link #fingerprint fingerprint} are taken from. */
    static byte[] digest(String token) {
        return StoreKeys.digest("t", token);
    }

    /** {@link #hash(String)} of the token whose {@link #digest} this is. */
    static String hash(byte[] digest) {
        return StoreKeys.of(digest);
    }

    /**
     * The whole digest, 256 bits in base64url (43 characters): a name for one token where two
     * tokens must never share a name, as a cache of who the caller is; it shows nothing of the token.
     */
    static String fingerprint(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The key of a user's "log out everywhere". */
    public static String userKey(String userId) {
        return StoreKeys.of("u", userId);
    }

    /**
     * The key of what AuthVital's events said of a user's access in a tenant ({@code AccessMarks});
     * {@code tenantId} empty for a token that names no tenant.
     */
    public static String accessKey(String userId, String tenantId) {
        return StoreKeys.of("access", userId + "\n" + (tenantId == null ? "" : tenantId));
    }

    /** The key of what AuthVital's events said of a whole tenant (deleted). */
    public static String tenantKey(String tenantId) {
        return StoreKeys.of("access-tenant", tenantId == null ? "" : tenantId);
    }
}
