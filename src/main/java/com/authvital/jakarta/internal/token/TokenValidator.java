package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.config.RoleMapping;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates AuthVital access tokens locally: RS256 only, signed by a key the IdP publishes,
 * issued by the configured issuer for the configured audience, within {@code exp}/{@code nbf}
 * give or take the clock skew, and not a refresh token (the IdP accepts those as bearer tokens;
 * a resource server must not). Validated tokens are remembered until they expire, and trusted
 * from memory only while the IdP still publishes the key that signed them.
 */
public final class TokenValidator implements AutoCloseable {

    /** RFC 6750 tokens are short; anything longer is refused before it is parsed. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final JwksCache keys;
    /** Parsed JOSE headers by their encoding: every token of a key has the same one. */
    private final Map<String, JWSHeader> headers = new ConcurrentHashMap<>();
    private final TokenCache cache;
    private final String issuer;
    private final String clientId;
    private final List<String> audiences;
    private final RoleMapping roles;
    private final RevocationList revocations;
    private final long skewMillis;
    private final Clock clock;
    private final Telemetry telemetry;

    /** A validator for the configured IdP, on the system clock. */
    public TokenValidator(AuthVitalConfig config) {
        this(config, Clock.systemUTC());
    }

    TokenValidator(AuthVitalConfig config, Clock clock) {
        this(config, clock, RevocationList.NONE);
    }

    /** @param revocations the sessions and users revoked here, whose tokens are refused */
    public TokenValidator(AuthVitalConfig config, Clock clock, RevocationList revocations) {
        this(config, clock, revocations, Telemetry.NONE);
    }

    /** @param telemetry where the validations of requests and the key fetches are counted */
    public TokenValidator(AuthVitalConfig config, Clock clock, RevocationList revocations, Telemetry telemetry) {
        this.revocations = revocations;
        this.telemetry = telemetry;
        this.keys = new JwksCache(config.idp().restUrl(), config.idp().connectTimeout(), config.idp().readTimeout(),
                config.tokens().jwksRefreshInterval(), config.tokens().jwksRefetchInterval(), System::nanoTime,
                telemetry);
        this.cache = new TokenCache(config.tokens().cacheSize());
        this.issuer = config.tokens().issuer();
        this.clientId = config.idp().clientId();
        this.audiences = config.idp().audiences();
        this.roles = config.roles();
        this.skewMillis = config.tokens().clockSkew().toMillis();
        this.clock = clock;
    }

    /**
     * The token's user, when the token is a valid access token.
     *
     * @throws NotAuthenticatedException saying why it is not (never quoting it)
     * @throws com.authvital.jakarta.IdpUnavailableException when the IdP's keys cannot be had
     */
    public ValidatedToken validate(String token) {
        return validate(token, null);
    }

    /**
     * {@link #validate(String)} for a request's own token, counted in {@code authvital.token.validations}
     * by where it came from ({@code cache} when it was validated before) and what became of it.
     */
    public ValidatedToken validate(String token, boolean fromCookie) {
        return validate(token, fromCookie ? Telemetry.Source.COOKIE : Telemetry.Source.HEADER);
    }

    /** @param counted where a request's token came from, to count its validation; null: not counted */
    private ValidatedToken validate(String token, Telemetry.Source counted) {
        long now = clock.millis();
        Telemetry.Source source = counted;
        try {
            ValidatedToken known = cache.get(token, now);
            ValidatedToken valid;
            if (known != null && keys.publishes(known.kid())) {
                source = Telemetry.Source.CACHE;
                valid = unlessRevoked(known);
            } else {
                valid = check(token, now);
                cache.put(valid, now);
                revocations.seen(valid);
                valid = unlessRevoked(valid);
            }
            if (counted != null) {
                telemetry.validation(source, Telemetry.Outcome.ACCEPTED, null);
            }
            return valid;
        } catch (NotAuthenticatedException e) {
            if (counted != null) {
                telemetry.validation(source, Telemetry.Outcome.REFUSED, Telemetry.messageId(e.getMessage()));
            }
            throw e;
        } catch (IdpUnavailableException e) {
            if (counted != null) {
                telemetry.validation(source, Telemetry.Outcome.UNAVAILABLE, Telemetry.messageId(e.getMessage()));
            }
            throw e;
        }
    }

    /** What {@link #verifySignature} found. */
    public enum SignatureCheck {
        /** Signed by the IdP's key of that id. */
        VALID,
        /** The IdP publishes the key, and it did not make this signature. */
        INVALID,
        /** The IdP publishes no usable key of that id, also after a fetch made for it. */
        UNKNOWN_KEY,
        /**
         * No key of that id is known, and the refetch interval allowed no fetch yet: a key the IdP
         * added since the last fetch is found once it does.
         */
        UNKNOWN_KEY_NOT_FETCHED
    }

    /**
     * Whether {@code signature} is the IdP's RS256 (RSASSA-PKCS1-v1_5, SHA-256) signature of
     * {@code signingInput} by its key {@code kid}: for what the IdP signs besides tokens (its
     * webhooks). The same keys as the tokens' (the IdP publishes them in one JWKS, without a
     * purpose); an unknown {@code kid} causes a fetch at most once per refetch interval.
     *
     * @throws com.authvital.jakarta.IdpUnavailableException when no keys could be fetched yet
     */
    public SignatureCheck verifySignature(String kid, byte[] signingInput, byte[] signature) {
        long lastFetch = keys.lastAttempt();
        Optional<Rs256VerifierPool> verifier = keys.verifier(kid);
        if (verifier.isEmpty()) {
            return keys.lastAttempt() != lastFetch ? SignatureCheck.UNKNOWN_KEY : SignatureCheck.UNKNOWN_KEY_NOT_FETCHED;
        }
        return verifier.get().verify(signingInput, signature) ? SignatureCheck.VALID : SignatureCheck.INVALID;
    }

    /** Fetches the IdP's keys before the first request, and keeps trying until it has them (readiness). */
    public void warmUp() {
        keys.warmUp();
    }

    /** What is known of the IdP's keys, from memory: never a fetch. */
    public KeyStatus keyStatus() {
        return keys.status();
    }

    /** How many validated tokens are kept. */
    public int cachedTokens() {
        return cache.size();
    }

    private ValidatedToken unlessRevoked(ValidatedToken token) {
        String refusal = revocations.refusal(token);
        if (refusal != null) {
            throw new NotAuthenticatedException(null, List.of(), refusal);
        }
        return token;
    }

    /**
     * A refresh token this IdP signed for this application, not expired.
     *
     * @param sessionId the session it belongs to ({@code sid})
     * @param expiresAt its {@code exp}
     * @param userId    its user ({@code sub}); null when it names none
     * @param tenantId  its tenant ({@code tenant_id}); null when it names none
     * @param issuedAt  its {@code iat}, epoch seconds; 0 when it has none
     */
    public record RefreshToken(String sessionId, Instant expiresAt, String userId, String tenantId, long issuedAt) {

        /** A session's token of which nothing else is known. */
        public RefreshToken(String sessionId, Instant expiresAt) {
            this(sessionId, expiresAt, null, null, 0);
        }

        /** Shows no claim but the session. */
        @Override
        public String toString() {
            return "RefreshToken[" + sessionId + "]";
        }
    }

    /**
     * The session id ({@code sid}) of a refresh token this IdP signed for this application and
     * that has not expired; empty for anything else. Never throws for a bad token: it only tells
     * which listed session is the caller's.
     */
    public Optional<String> sessionIdOf(String refreshToken) {
        return refreshToken(refreshToken).map(RefreshToken::sessionId);
    }

    /**
     * The session and expiry of a refresh token this IdP signed for this application and that has
     * not expired; empty for anything else, never an exception.
     */
    public Optional<RefreshToken> refreshToken(String refreshToken) {
        try {
            return checkedRefreshToken(refreshToken);
        } catch (IdpUnavailableException e) {
            return Optional.empty(); // no badge rather than no list
        }
    }

    /**
     * As {@link #refreshToken(String)}, but saying when the IdP's keys cannot be had rather than
     * taking the token for an invalid one.
     *
     * @throws IdpUnavailableException when the IdP's keys cannot be had
     */
    public Optional<RefreshToken> checkedRefreshToken(String refreshToken) {
        return read(refreshToken, true);
    }

    /**
     * The session and expiry a refresh token claims, its signature not checked: only for a token
     * that just came from the IdP itself, in its answer to a refresh, so that the module's
     * bookkeeping (chains, spent marks, devices) goes on while the IdP's keys cannot be had.
     */
    public Optional<RefreshToken> claimedRefreshToken(String fromTheIdp) {
        try {
            return read(fromTheIdp, false);
        } catch (IdpUnavailableException e) {
            return Optional.empty(); // no key is fetched without the signature check
        }
    }

    private Optional<RefreshToken> read(String refreshToken, boolean verify) {
        if (refreshToken == null || refreshToken.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            JwtParts jwt = JwtParts.parse(refreshToken, headers);
            Map<String, Object> claims = jwt.claims();
            // Only this client's own refresh tokens tell which session is the caller's.
            if (verify && !signedByTheIdp(jwt) || !issuer.equals(claims.get("iss")) || !names(claims.get("aud"), clientId)
                    || !"refresh".equals(claims.get("token_type"))
                    || !(claims.get("exp") instanceof Number exp) || clock.millis() - skewMillis > millis(exp)) {
                return Optional.empty();
            }
            if (!(claims.get("sid") instanceof String sid) || sid.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new RefreshToken(sid, Instant.ofEpochMilli(millis(exp)),
                    claims.get("sub") instanceof String sub ? sub : null,
                    claims.get("tenant_id") instanceof String tenant ? tenant : null,
                    claims.get("iat") instanceof Number iat ? iat.longValue() : 0));
        } catch (IdpUnavailableException e) {
            throw e;
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a sign-in's ID token (OpenID Connect Core §3.1.3.7): RS256 by a key the IdP publishes,
     * its issuer, an audience naming this client, not expired, and the sign-in's nonce.
     *
     * @throws NotAuthenticatedException saying what is wrong with it
     * @throws com.authvital.jakarta.IdpUnavailableException when the IdP's keys cannot be had
     */
    public void checkIdToken(String idToken, String nonce) {
        if (idToken == null || idToken.length() > MAX_TOKEN_LENGTH) {
            throw invalidIdToken("there is none, or it is too long");
        }
        JwtParts jwt;
        try {
            jwt = JwtParts.parse(idToken, headers);
        } catch (ParseException e) {
            throw invalidIdToken("it is not a signed JWT");
        }
        if (!signedByTheIdp(jwt)) {
            throw invalidIdToken("it is not signed by the IdP with RS256");
        }
        Map<String, Object> claims = jwt.claims();
        if (!issuer.equals(claims.get("iss"))) {
            throw invalidIdToken(Messages.TokenReasons.issuerMismatch(claims.get("iss"), issuer));
        }
        if (!names(claims.get("aud"), clientId)) {
            throw invalidIdToken(Messages.TokenReasons.audienceMismatch(claims.get("aud"), List.of(clientId),
                    List.of(ConfigKeys.CLIENT_ID)));
        }
        if (!(claims.get("exp") instanceof Number exp) || clock.millis() - skewMillis > millis(exp)) {
            throw invalidIdToken("it has expired");
        }
        if (!nonce.equals(claims.get("nonce"))) {
            throw invalidIdToken("its nonce is not this sign-in's");
        }
    }

    private static NotAuthenticatedException invalidIdToken(String why) {
        return new NotAuthenticatedException(null, List.of(), Messages.invalidIdToken(why));
    }

    /** RS256 by a key the IdP publishes, no critical header extension, and the signature holds. */
    private boolean signedByTheIdp(JwtParts jwt) {
        Optional<Rs256VerifierPool> key = JWSAlgorithm.RS256.equals(jwt.header().getAlgorithm())
                && !requiresExtensions(jwt.header()) ? keys.verifier(String.valueOf(jwt.header().getKeyID())) : Optional.empty();
        if (key.isEmpty() || !key.get().verify(jwt.ascii(), jwt.signedLength(), jwt.signature())) {
            return false;
        }
        jwt.rememberHeader(headers); // only now: junk tokens must not fill the memory of headers
        return true;
    }

    /** RFC 7515 §4.1.11: a header listing extensions in {@code crit} must be refused by who implements none. */
    private static boolean requiresExtensions(JWSHeader header) {
        return header.getIncludedParams().contains("crit"); // an empty crit is itself invalid
    }

    /** {@code aud} (a string or strings) names one of the accepted audiences. */
    private boolean meantForUs(Object aud) {
        for (String audience : audiences) {
            if (names(aud, audience)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(Object aud, String audience) {
        return audience.equals(aud) || aud instanceof List<?> list && list.contains(audience);
    }

    /** How many parsed headers are remembered; for tests. */
    int rememberedHeaders() {
        return headers.size();
    }

    private ValidatedToken check(String token, long now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("it is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        JwtParts jwt;
        try {
            jwt = JwtParts.parse(token, headers);
        } catch (ParseException e) {
            throw invalid("it is not a signed JWT (three base64url parts with JSON header and claims)");
        }
        JWSHeader header = jwt.header();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw invalid("it is not signed with RS256");
        }
        if (requiresExtensions(header)) {
            throw invalid("its header requires extensions this module does not implement ('crit')");
        }
        Rs256VerifierPool key = keys.verifier(String.valueOf(header.getKeyID()))
                .orElseThrow(() -> invalid("it is signed with a key the IdP does not publish"));
        if (!key.verify(jwt.ascii(), jwt.signedLength(), jwt.signature())) {
            throw invalid("its signature does not verify");
        }
        jwt.rememberHeader(headers); // only now: junk tokens must not fill the memory of headers
        long exp = checkClaims(jwt.claims(), now);
        Map<String, Object> claims = jwt.claims();
        return new ValidatedToken(token, new AuthVitalPrincipal(claims, token, roles.groups(claims)), exp,
                header.getKeyID());
    }

    /** The claims' checks; answers {@code exp} in epoch milliseconds. */
    private long checkClaims(Map<String, Object> claims, long now) {
        if (!issuer.equals(claims.get("iss"))) {
            throw invalid(Messages.TokenReasons.issuerMismatch(claims.get("iss"), issuer));
        }
        if (!meantForUs(claims.get("aud"))) {
            throw invalid(Messages.TokenReasons.audienceMismatch(claims.get("aud"), audiences,
                    List.of(ConfigKeys.CLIENT_ID, ConfigKeys.ACCEPTED_AUDIENCES)));
        }
        if (!(claims.get("exp") instanceof Number exp) || now - skewMillis > millis(exp)) {
            throw invalid("it has expired");
        }
        if (claims.get("nbf") instanceof Number nbf && now + skewMillis < millis(nbf)) {
            throw invalid("it is not valid yet");
        }
        if ("refresh".equals(claims.get("token_type"))) {
            throw invalid("it is a refresh token, not an access token");
        }
        // The IdP's ID tokens share its keys, issuer and audience; only its access tokens carry a scope.
        if (!(claims.get("scope") instanceof String)) {
            throw invalid("it has no 'scope': an ID token or another token that is not an access token");
        }
        if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
            throw invalid("it names no user ('sub')");
        }
        return millis((Number) claims.get("exp"));
    }

    /** A NumericDate (seconds) in epoch milliseconds, held at the ends of a long rather than wrapping around. */
    private static long millis(Number seconds) {
        long value = seconds.longValue(); // a Double beyond a long is held at its ends already
        if (value > Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        return value < Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : value * 1000;
    }

    private static NotAuthenticatedException invalid(String why) {
        return new NotAuthenticatedException(null, List.of(), Messages.invalidAccessToken(why));
    }

    @Override
    public void close() {
        keys.close();
    }
}
