package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.message.Messages;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.text.ParseException;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Seals a text so that only a holder of the key can read or make it: a compact JWE ({@code dir},
 * {@code A256GCM}, nimbus-jose-jwt). The sign-in's flow cookie and the refresh results that the
 * servers share are sealed with it.
 */
public final class Sealer {

    private final SecretKey key;

    public Sealer(SecretKey key) {
        this.key = key;
    }

    /** {@code text} sealed. */
    public String seal(String text) {
        JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(text));
        try {
            jwe.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(Messages.flowCookieUnsealable(), e);
        }
        return jwe.serialize();
    }

    /** The text that this key sealed into {@code sealed}; empty for anything else (another key, tampering). */
    public Optional<String> open(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwe.decrypt(new DirectDecrypter(key));
            return Optional.of(jwe.getPayload().toString());
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Anything: the value is a browser's or a cache's, and nimbus-jose-jwt's parser throws
            // more than ParseException on a crafted one (a NullPointerException for "e30.e30.e30.e30.e30").
            return Optional.empty();
        }
    }
}
