package com.authvital.standin;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Percent-decoding for path segments and {@code a=b&c=d} strings (queries and form bodies).
 */
final class FormCodec {

    private FormCodec() {
    }

    /** Pairs of a query or form body, decoded; the first value of a repeated name wins. */
    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // Like qs in Express: a pair that does not decode is dropped, not an error.
            }
        }
        return values;
    }

    /**
     * Decodes one path segment as UTF-8. Unlike {@link URLDecoder}, a {@code +} stays a plus:
     * that rule belongs to forms, not to paths (RFC 3986 §2.1).
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits
     */
    static String decodeSegment(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            int c = segment.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
                continue;
            }
            int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (low < 0) {
                throw new IllegalArgumentException("bad percent-escape");
            }
            bytes.write(high * 16 + low);
            i += 3;
        }
        try {
            // Like decodeURIComponent in Express: bytes that are not UTF-8 are an error.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("percent-escapes are not UTF-8", notUtf8);
        }
    }
}
