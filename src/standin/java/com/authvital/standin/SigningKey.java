package com.authvital.standin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.UUID;

/**
 * One RSA 2048 key pair of the stand-in with a random {@code kid}, and what signs and verifies
 * with it; the {@link KeyRing} holds them all. Generating one is most of the stand-in's start-up
 * time.
 *
 * @param key      the key pair, as a JWK
 * @param signer   signs RS256 with the private key
 * @param verifier verifies RS256 with the public key
 */
record SigningKey(RSAKey key, JWSSigner signer, JWSVerifier verifier) {

    static SigningKey generate() {
        return generate(UUID.randomUUID().toString());
    }

    /**
     * A webhook key: its kid in AuthVital's format {@code key_<epoch-ms>_<8 hex>}
     * (authvital-events.md §3.2), which the token keys of the stand-in do not use.
     */
    static SigningKey generateWebhookKey() {
        return generate(String.format("key_%d_%08x", System.currentTimeMillis(),
                java.util.concurrent.ThreadLocalRandom.current().nextInt()));
    }

    static SigningKey generate(String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new SigningKey(key, new RSASSASigner(key), new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the stand-in IdP's RSA key pair", e);
        }
    }

    /**
     * A compact RS256 JWS of this payload, typed {@code JWT}.
     *
     * @param kid the header's {@code kid}: normally {@link #keyId()}, another value for tests of
     *            unknown key ids, null for a header without one
     */
    String sign(String kid, Payload payload) {
        return sign(kid, null, payload);
    }

    /**
     * The same with a header extension marked critical (RFC 7515 §4.1.11): {@code critical} is
     * set to {@code true} in the header and listed in {@code crit}; none when null.
     */
    String sign(String kid, String critical, Payload payload) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(kid)
                .type(JOSEObjectType.JWT);
        if (critical != null) {
            builder.customParam(critical, true).criticalParams(java.util.Set.of(critical));
        }
        JWSHeader header = builder.build();
        JWSObject jws = new JWSObject(header, payload);
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a stand-in token with key " + keyId(), e);
        }
        return jws.serialize();
    }

    String keyId() {
        return key.getKeyID();
    }

    /** Without the key material: a record's default toString would print the private key. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + "]";
    }
}
