package com.authvital.standin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints the stand-in's RS256 tokens with the current key of its {@link KeyRing}, and checks them
 * against the published keys. Claims follow the contract: access tokens carry no session id and
 * no {@code jti}, refresh tokens carry {@code sid}; ID tokens carry the sign-in's {@code nonce}.
 */
final class TokenService {

    /** The access-token lifetime until one is set: the IdP's default {@code accessTokenTtl}. */
    static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofHours(1);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    static final String SCOPE = "openid profile email";

    private final String issuer;
    private final KeyRing keys;
    private volatile Duration accessLifetime = DEFAULT_ACCESS_LIFETIME;

    /**
     * @param issuer the {@code iss} of every token, the IdP's base URL
     * @param keys   the current key signs, the published keys verify
     */
    TokenService(String issuer, KeyRing keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /** How long access tokens (and ID tokens) minted from now on live: the {@code expires_in}. */
    Duration accessLifetime() {
        return accessLifetime;
    }

    void accessLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the access-token lifetime must be positive");
        }
        this.accessLifetime = lifetime;
    }

    String accessToken(User user, StoredSession session) {
        return accessToken(user, session, Instant.now());
    }

    /** An access token issued at {@code issuedAt}: tests pass a past instant to get an expired one. */
    String accessToken(User user, StoredSession session, Instant issuedAt) {
        return sign(accessClaims(user, session, issuedAt));
    }

    String refreshToken(StoredSession session) {
        return sign(refreshClaims(session, Instant.now()));
    }

    /**
     * The ID token of a sign-in (OIDC Core §2): who signed in, for the client, with the nonce of
     * the authorization request when it had one.
     */
    String idToken(User user, StoredSession session, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.id())
                .issuer(issuer)
                .audience(session.applicationId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(accessLifetime)))
                .claim("email", user.email())
                .claim("given_name", user.givenName())
                .claim("family_name", user.familyName());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    /** The claims of the user's access token for this session, issued at {@code issuedAt}. */
    JWTClaimsSet accessClaims(User user, StoredSession session, Instant issuedAt) {
        JWTClaimsSet.Builder claims = common(session, issuedAt, accessLifetime)
                .claim("email", user.email())
                .claim("given_name", user.givenName())
                .claim("family_name", user.familyName());
        if (session.tenant() != null) {
            claims.claim("tenant_id", tenantId(session.tenant()))
                    .claim("tenant_subdomain", session.tenant())
                    .claim("tenant_roles", List.of("member"))
                    .claim("tenant_permissions", List.of("sessions:read", "sessions:revoke"))
                    .claim("app_roles", user.appRoles().isEmpty() ? List.of("user") : user.appRoles());
        } else if (!user.appRoles().isEmpty()) {
            claims.claim("app_roles", user.appRoles());
        }
        return claims.build();
    }

    /** The claims of the session's refresh token, issued at {@code issuedAt}. */
    JWTClaimsSet refreshClaims(StoredSession session, Instant issuedAt) {
        JWTClaimsSet.Builder claims = common(session, issuedAt, REFRESH_LIFETIME)
                .jwtID(UUID.randomUUID().toString())
                .claim("token_type", "refresh")
                .claim("sid", session.id());
        if (session.tenant() != null) {
            claims.claim("tenant_id", tenantId(session.tenant()))
                    .claim("tenant_subdomain", session.tenant());
        }
        return claims.build();
    }

    /**
     * The claims of a token signed by a published key that has not expired; empty for anything
     * else (garbage, a retired or foreign key, another issuer, expired). Like the IdP's guard,
     * ignores token_type.
     */
    Optional<JWTClaimsSet> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !signedByPublishedKey(jwt)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            boolean valid = expiry != null && expiry.toInstant().isAfter(Instant.now())
                    && issuer.equals(claims.getIssuer()) && claims.getSubject() != null;
            return valid ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException unusable) {
            // Deliberately silent: the exception may quote the token.
            return Optional.empty();
        }
    }

    /**
     * The session id of a valid refresh token: signed here, unexpired, {@code token_type}
     * "refresh", with a {@code sid}. Empty for anything else, access tokens included.
     */
    Optional<String> refreshSessionId(String token) {
        return refreshClaims(token)
                .map(claims -> claims.getClaim("sid"))
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    /** The claims of a valid refresh token, as {@link #refreshSessionId} accepts it. */
    Optional<JWTClaimsSet> refreshClaims(String token) {
        return verify(token)
                .filter(claims -> "refresh".equals(claims.getClaim("token_type")))
                .filter(claims -> claims.getClaim("sid") instanceof String);
    }

    private JWTClaimsSet.Builder common(StoredSession session, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .subject(session.userId())
                .issuer(issuer)
                .audience(session.applicationId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim("scope", session.scope());
    }

    /**
     * Tries every published key, whatever the header's {@code kid} says: the guard only needs to
     * know the IdP signed the token and has not retired the key. There are two or three keys.
     */
    private boolean signedByPublishedKey(SignedJWT jwt) throws JOSEException {
        for (SigningKey key : keys.published()) {
            if (jwt.verify(key.verifier())) {
                return true;
            }
        }
        return false;
    }

    private String sign(JWTClaimsSet claims) {
        SigningKey key = keys.current();
        return key.sign(key.keyId(), new Payload(claims.toJSONObject()));
    }

    /** A stable id per tenant name, so two sessions of one tenant agree on it. */
    static String tenantId(String tenant) {
        return UUID.nameUUIDFromBytes(("tenant:" + tenant).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
