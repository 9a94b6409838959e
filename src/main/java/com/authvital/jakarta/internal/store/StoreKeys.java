package com.authvital.jakarta.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How the module names what it stores: 96 bits of a SHA-256, as 16 base64url characters. Short
 * in a shared cache, and held as two numbers by {@link InMemoryStore}: a million spent marks
 * need no million strings. At 96 bits, two of ten million keys meet with a chance of about one
 * in 10<sup>15</sup>. The kind keeps apart keys of one id with different meanings.
 *
 * <pre>{@code
 * String key = StoreKeys.of("s", sessionId);   // "Xq3...": 16 characters
 * }</pre>
 */
public final class StoreKeys {

    /** A key's length: 96 bits in base64url. */
    static final int LENGTH = 16;
    private static final int BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private StoreKeys() {
    }

    /** The key of {@code id} as a {@code kind} ("t" a token, "s" a session, "u" a user...). */
    public static String of(String kind, String id) {
        return of(digest(kind, id));
    }

    /** The SHA-256 of {@code id} as a {@code kind}, all 256 bits: what {@link #of(String, String)} keeps 96 of. */
    public static byte[] digest(String kind, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ':');
            return sha.digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM has it
        }
    }

    /** The key of a {@link #digest}: the same as {@link #of(String, String)} of what it digested. */
    public static String of(byte[] digest) {
        return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, BYTES));
    }

    /** The 96 bits of any string: its own when it is a key, else its SHA-256's first. */
    static long[] bitsOf(String key) {
        long[] bits = decode(key);
        if (bits != null) {
            return bits;
        }
        try {
            return bits(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM has it
        }
    }

    /** The 96 bits of a key: its first 64, then its last 32; null for a string that is no key. */
    public static long[] decode(String key) {
        if (key.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        return bits(DECODER.decode(key));
    }

    /** The first 96 bits of a digest, as {@link #decode} gives them. */
    static long[] bits(byte[] bytes) {
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | bytes[i] & 0xFF;
        }
        long low = 0;
        for (int i = 8; i < BYTES; i++) {
            low = low << 8 | bytes[i] & 0xFF;
        }
        return new long[] {high, low};
    }
}
