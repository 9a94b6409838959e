package com.authvital.bench;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.ValidatedToken;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A prototype, for the benchmark only, of {@code TokenValidator}'s uncached path with the changes
 * the breakdown points at, still validating with nimbus (no signature code of its own):
 * the verifier's JCA provider chosen once per key; the JOSE header parsed once per distinct
 * encoded header (every token of a key has the same one) instead of once per token; the claims
 * parsed straight from the payload, without {@code SignedJWT}'s second copy of the signing input.
 * {@link #checkWithJsonp} goes one step further: the claims read with JSON-P (which the module's
 * server features include) straight into the principal's map, without nimbus's claims set.
 * The claim checks are the validator's; a failure is a {@code null} here, not an exception.
 */
final class LeanCheck {

    private static final int MAX_HEADERS = 16;
    /** One factory: {@code Json.createReader} looks the provider up on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final Map<String, JWSHeader> headers = new ConcurrentHashMap<>();
    private final JWSVerifier verifier;
    private final String kid;
    private final String issuer;
    private final String audience;

    LeanCheck(RSAPublicKey key, String kid, String issuer, String audience) throws GeneralSecurityException {
        Signature probe = Signature.getInstance("SHA256withRSA");
        probe.initVerify(key);
        Provider provider = probe.getProvider();
        RSASSAVerifier rsa = new RSASSAVerifier(key);
        rsa.getJCAContext().setProvider(provider);
        this.verifier = rsa;
        this.kid = kid;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The validated token, or {@code null} when it is not a valid access token at {@code now}. */
    ValidatedToken check(String token, long now) throws JOSEException, ParseException {
        if (!verified(token)) {
            return null;
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        JWTClaimsSet claims = JWTClaimsSet.parse(new Base64URL(token.substring(firstDot + 1, lastDot)).decodeToString());
        boolean valid = issuer.equals(claims.getIssuer())
                && claims.getAudience() != null && claims.getAudience().contains(audience)
                && claims.getExpirationTime() != null && now <= claims.getExpirationTime().getTime() + 30_000
                && (claims.getNotBeforeTime() == null || now >= claims.getNotBeforeTime().getTime() - 30_000)
                && !"refresh".equals(claims.getClaim("token_type"))
                && claims.getSubject() != null && !claims.getSubject().isBlank();
        return valid ? new ValidatedToken(token, new AuthVitalPrincipal(claims.toJSONObject()),
                claims.getExpirationTime().getTime(), kid) : null;
    }

    /** As {@link #check}, the claims read with JSON-P into plain Java values. */
    ValidatedToken checkWithJsonp(String token, long now) throws JOSEException, ParseException {
        if (!verified(token)) {
            return null;
        }
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.')));
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(payload))) {
            json = reader.readObject();
        } catch (JsonException e) {
            return null;
        }
        Map<String, Object> claims = new HashMap<>();
        json.forEach((name, value) -> claims.put(name, plain(value)));
        Object aud = claims.get("aud");
        boolean forUs = audience.equals(aud) || aud instanceof List<?> list && list.contains(audience);
        long exp = claims.get("exp") instanceof Long seconds ? seconds * 1000 : Long.MIN_VALUE;
        Long nbf = claims.get("nbf") instanceof Long seconds ? seconds * 1000 : null;
        boolean valid = issuer.equals(claims.get("iss")) && forUs
                && exp != Long.MIN_VALUE && now <= exp + 30_000
                && (nbf == null || now >= nbf - 30_000)
                && !"refresh".equals(claims.get("token_type"))
                && claims.get("sub") instanceof String sub && !sub.isBlank();
        return valid ? new ValidatedToken(token, new AuthVitalPrincipal(claims), exp, kid) : null;
    }

    /** Three parts, an RS256 header naming our key, a signature nimbus verifies. */
    private boolean verified(String token) throws JOSEException, ParseException {
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token.indexOf('.', firstDot + 1) != lastDot) {
            return false;
        }
        String encodedHeader = token.substring(0, firstDot);
        JWSHeader header = headers.get(encodedHeader);
        if (header == null) {
            header = JWSHeader.parse(new Base64URL(encodedHeader));
        }
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !kid.equals(header.getKeyID())) {
            return false;
        }
        byte[] signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        if (!verifier.verify(header, signingInput, new Base64URL(token.substring(lastDot + 1)))) {
            return false;
        }
        if (headers.size() < MAX_HEADERS) {
            headers.putIfAbsent(encodedHeader, header); // only headers of tokens that verified
        }
        return true;
    }

    /** A JSON value as nimbus hands claims over: String, Long or Double, Boolean, List, Map, null. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : (Object) ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> value.asJsonArray().stream().map(LeanCheck::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new HashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case NULL -> null;
        };
    }
}
