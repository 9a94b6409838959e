package com.authvital.jakarta.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

/**
 * Tokens an attacker would make, built on the client side of a test from the claims of a real
 * token: unsigned, HMAC-signed with the IdP's public key, or signed with a key of our own.
 */
final class ForgedTokens {

    private static RSAKey ownKey;

    private ForgedTokens() {
    }

    /** base64url without padding, as JWS compact serialization wants it. */
    static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a token, as the JSON text of its payload. */
    static String claimsOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The kid in a token's header. */
    static String kidOf(String token) {
        try {
            return JWSObject.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWS", e);
        }
    }

    /** {@code {"alg":"none"}}, the claims and an empty signature (RFC 7519 §6.1, an unsecured JWT). */
    static String unsigned(String claims) {
        return base64url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64url(claims) + ".";
    }

    /**
     * HS256 with the IdP's RSA public key (its X.509 encoding) as the HMAC secret: the algorithm
     * confusion attack on verifiers that take the algorithm from the token.
     */
    static String hs256WithPublicKey(String jwks, String kid, String claims) {
        try {
            RSAKey published = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(kid);
            byte[] secret = published.toRSAPublicKey().getEncoded();
            return sign(new MACSigner(secret), JWSAlgorithm.HS256, kid, claims);
        } catch (ParseException | JOSEException | NullPointerException e) {
            throw new IllegalStateException("the JWKS has no RSA key " + kid, e);
        }
    }

    /** RS256 with a key of this test JVM, the IdP does not know; {@code kid} as given. */
    static String signedWithOwnKey(String kid, String claims) {
        try {
            return sign(new RSASSASigner(ownKey()), JWSAlgorithm.RS256, kid, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized RSAKey ownKey() throws JOSEException {
        if (ownKey == null) {
            ownKey = new RSAKeyGenerator(2048).generate();
        }
        return ownKey;
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, String claims) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                new Payload(claims));
        jws.sign(signer);
        return jws.serialize();
    }
}
