package com.authvital.standin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * AuthVital's webhook signatures (authvital-events.md §3.3): RSASSA-PKCS1-v1_5 with SHA-256
 * ({@code SHA256withRSA}), standard base64 with padding. Channel A signs
 * {@code ASCII(timestamp) || '.' || body}; channel B the body alone. Signs for the stand-in and
 * verifies for the tests, exactly as §6.2's receiver does.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The signed input of a channel A request: the timestamp header, a dot, the raw body. */
    static byte[] syncInput(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(body, 0, input, prefix.length, body.length);
        return input;
    }

    /** The header value: base64 (RFC 4648 §4, not base64url) of the signature of {@code input}. */
    static String sign(PrivateKey key, byte[] input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a stand-in webhook", e);
        }
    }

    /** Whether {@code signature} (the header's base64) is a signature of {@code input} by {@code key}. */
    static boolean verify(PublicKey key, byte[] input, String signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException unusable) {
            return false;
        }
    }
}
