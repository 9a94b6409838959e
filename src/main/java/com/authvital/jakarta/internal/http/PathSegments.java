package com.authvital.jakarta.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes a value as exactly one URI path segment, and reads one back. */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    /** Every UTF-8 byte outside RFC 3986's unreserved set (§2.3) becomes {@code %XX}. */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Percent-decodes {@code raw} (RFC 3986 §2.1; unlike form decoding, {@code +} stays a plus).
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits
     */
    public static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int low = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'%' not followed by two hex digits");
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
