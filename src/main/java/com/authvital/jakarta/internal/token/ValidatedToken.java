package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.AuthVitalPrincipal;

/**
 * An access token that passed validation, with its user. Kept as a request attribute by the
 * filter so that the sessions service forwards it without validating it again.
 *
 * @param token     the raw token, to forward to the IdP
 * @param principal its user
 * @param expiresAt when it stops being valid, epoch milliseconds
 * @param kid       the key it was verified with: a cached token is trusted only while the IdP
 *                  still publishes that key
 * @param hash        its key, as revocations name it (computed once, with the validation)
 * @param fingerprint its whole SHA-256 in base64url, from the same digest as {@code hash}: a name
 *                    no other token shares, for a container's cache of who the caller is; shows
 *                    nothing of the token
 * @param userKey     its user's key, as a "log out everywhere" names it (likewise)
 * @param accessKey   its user's key in its tenant, as AuthVital's events name it (likewise)
 * @param tenantKey   its tenant's key, as a deleted tenant is named (likewise)
 */
public record ValidatedToken(String token, AuthVitalPrincipal principal, long expiresAt, String kid, String hash,
                             String fingerprint, String userKey, String accessKey, String tenantKey) {

    /** A validated token, its keys computed here: one SHA-256 of the token for the hash and the fingerprint. */
    public ValidatedToken(String token, AuthVitalPrincipal principal, long expiresAt, String kid) {
        this(token, principal, expiresAt, kid, TokenKeys.digest(token));
    }

    private ValidatedToken(String token, AuthVitalPrincipal principal, long expiresAt, String kid, byte[] digest) {
        this(token, principal, expiresAt, kid, TokenKeys.hash(digest), TokenKeys.fingerprint(digest),
                TokenKeys.userKey(principal.getName()),
                TokenKeys.accessKey(principal.getName(), principal.tenantId().orElse(null)),
                TokenKeys.tenantKey(principal.tenantId().orElse(null)));
    }

    /** The request attribute under which the filter keeps the validated token. */
    public static final String ATTRIBUTE = ValidatedToken.class.getName();

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ValidatedToken[" + principal + "]";
    }
}
