package com.authvital.standin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE with {@code S256} (RFC 7636 §4.2, §4.6), the only method the IdP supports. */
final class Pkce {

    // RFC 7636 §4.1: 43 to 128 unreserved characters.
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    // BASE64URL(SHA-256(..)) without padding: always 43 characters.
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean isChallenge(String challenge) {
        return CHALLENGE.matcher(challenge).matches();
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}. */
    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether a well-formed verifier hashes to the challenge, compared in constant time. */
    static boolean matches(String verifier, String challenge) {
        return VERIFIER.matcher(verifier).matches() && MessageDigest.isEqual(
                challenge(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
