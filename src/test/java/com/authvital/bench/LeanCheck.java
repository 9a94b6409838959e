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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A prototype, for the benchmark only, of {@code TokenValidator}'s uncached path with the changes
 * the breakdown points at, still validating with nimbus (no signature code of its own):
 * the verifier's JCA provider chosen once per key; the JOSE header parsed once per distinct
 * encoded header (every token of a key has the same one) instead of once per token; the claims
 * parsed straight from the payload, without {@code SignedJWT}'s second copy of the signing input.
 * The claim checks are the validator's; a failure is a {@code null} here, not an exception.
 */
final class LeanCheck {

    private static final int MAX_HEADERS = 16;

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
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token.indexOf('.', firstDot + 1) != lastDot) {
            return null;
        }
        String encodedHeader = token.substring(0, firstDot);
        JWSHeader header = headers.get(encodedHeader);
        if (header == null) {
            header = JWSHeader.parse(new Base64URL(encodedHeader));
        }
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !kid.equals(header.getKeyID())) {
            return null;
        }
        byte[] signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        if (!verifier.verify(header, signingInput, new Base64URL(token.substring(lastDot + 1)))) {
            return null;
        }
        if (headers.size() < MAX_HEADERS) {
            headers.putIfAbsent(encodedHeader, header); // only headers of tokens that verified
        }
        JWTClaimsSet claims = JWTClaimsSet.parse(new Base64URL(token.substring(firstDot + 1, lastDot)).decodeToString());
        boolean valid = issuer.equals(claims.getIssuer())
                && claims.getAudience() != null && claims.getAudience().contains(audience)
                && claims.getExpirationTime() != null && now <= claims.getExpirationTime().getTime() + 30_000
                && (claims.getNotBeforeTime() == null || now >= claims.getNotBeforeTime().getTime() - 30_000)
                && !"refresh".equals(claims.getClaim("token_type"))
                && claims.getSubject() != null && !claims.getSubject().isBlank();
        return valid ? new ValidatedToken(token, new AuthVitalPrincipal(claims.toJSONObject()),
                claims.getExpirationTime().getTime()) : null;
    }
}
