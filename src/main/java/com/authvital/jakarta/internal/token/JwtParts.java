package com.authvital.jakarta.internal.token;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The three parts of a compact JWS (RFC 7515 §7.1), read without the copies a general JWT object
 * makes: the header parsed by nimbus once per distinct encoding (every token of a key shares
 * it), the claims parsed by nimbus with this module's stricter checks on top, the signature
 * decoded: the first validation of a token costs little more than its signature check
 * (docs/decisions/0004-nimbus-claims-parsing.md).
 *
 * @param header       the JOSE header
 * @param ascii        the token's characters as bytes (a non-ASCII one becomes {@code '?'}, which
 *                     no part may hold); the signing input, {@code header.payload}, is their
 *                     first {@code signedLength}
 * @param signature    the signature, decoded
 * @param claims       the claims as nimbus parses them: strings, numbers (Long or Double), booleans,
 *                     lists, maps and nulls; modifiable, so read them and hand them out only
 *                     through {@link com.authvital.jakarta.AuthVitalPrincipal}, which copies them
 * @param newHeader    the header's encoding when it was parsed here, {@code null} when it was known
 */
record JwtParts(JWSHeader header, byte[] ascii, int signedLength, byte[] signature, Map<String, Object> claims,
                String newHeader) {

    private static final int MAX_HEADERS = 32;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Claims nest a level or two; a token nesting deeper than this is refused (nimbus allows 255). */
    private static final int MAX_DEPTH = 16;

    /**
     * The parts of {@code token}; a ParseException when it is not a compact JWS with JSON claims.
     *
     * @param headers parsed headers by their encoding, to skip parsing a known one; read only
     */
    static JwtParts parse(String token, Map<String, JWSHeader> headers) throws ParseException {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == token.length() - 1) {
            throw new ParseException("not three parts", 0);
        }
        // One copy of the token as bytes serves the header check, the payload, the signature and
        // the signing input. Each char becomes one byte ('?' for any beyond ASCII, which no part
        // may hold) unless a surrogate pair makes two chars one byte: then the offsets would drift.
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != token.length()) {
            throw new ParseException("characters beyond the BMP", 0);
        }
        String encodedHeader = token.substring(0, first);
        JWSHeader header = headers.get(encodedHeader);
        String newHeader = null;
        if (header == null) {
            decode(ascii, 0, first); // strictly, once per header: nimbus's decoding skips what is not base64url
            header = JWSHeader.parse(new Base64URL(encodedHeader));
            newHeader = encodedHeader;
        }
        Map<String, Object> claims = claims(decode(ascii, first + 1, second));
        byte[] signature = decode(ascii, second + 1, ascii.length);
        return new JwtParts(header, ascii, second, signature, claims, newHeader);
    }

    /**
     * Keeps this token's parsed header in {@code headers} (bounded), for the next token of its
     * key; call it only once a signature under the header has verified.
     */
    void rememberHeader(Map<String, JWSHeader> headers) {
        if (newHeader != null && headers.size() < MAX_HEADERS) {
            headers.putIfAbsent(newHeader, header);
        }
    }

    /**
     * The bytes of a part in canonical base64url (RFC 7515 §2): no padding and unused low bits
     * zero, which the JDK's decoder would overlook. Otherwise several strings would be the same
     * token, each validated and cached apart.
     */
    private static byte[] decode(byte[] ascii, int from, int to) throws ParseException {
        int unusedBits = switch ((to - from) % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        // Padding can only end a part: anywhere else the decoder refuses it, so the last byte tells.
        if (ascii[to - 1] == '='
                || unusedBits > 0 && (BASE64URL.indexOf(ascii[to - 1]) & ((1 << unusedBits) - 1)) != 0) {
            throw new ParseException("not canonical base64url", 0);
        }
        try {
            ByteBuffer decoded = Base64.getUrlDecoder().decode(ByteBuffer.wrap(ascii, from, to - from));
            byte[] bytes = decoded.array();
            int start = decoded.arrayOffset() + decoded.position();
            return start == 0 && decoded.remaining() == bytes.length
                    ? bytes : Arrays.copyOfRange(bytes, start, start + decoded.remaining());
        } catch (IllegalArgumentException e) {
            throw new ParseException("not base64url", 0);
        }
    }

    /**
     * The claims as nimbus-jose-jwt reads them (strict JSON, numbers as Long or Double, a name
     * repeated at the top level refused, nesting bounded at 255), with what this module asks more.
     */
    private static Map<String, Object> claims(byte[] json) throws ParseException {
        String text = new String(json, StandardCharsets.UTF_8);
        Map<String, Object> claims = JSONObjectUtils.parse(text);
        int nestedNames = nestedNames(claims, 1);
        // A name given twice is refused (RFC 7519 §4 allows it): parsers that keep the first and
        // those that keep the last would disagree on whose token it is. Nimbus refuses it in the
        // claims object itself but keeps the last in a nested one, so count: in JSON it parsed
        // strictly, every ':' outside a string ends a member name.
        if (nestedNames > 0 && colons(text) != claims.size() + nestedNames) {
            throw new ParseException("a name is given twice", 0);
        }
        checkTypes(claims);
        return claims;
    }

    /** The names of the objects inside {@code value}; a ParseException when it nests deeper than we read. */
    private static int nestedNames(Object value, int depth) throws ParseException {
        Iterable<?> items = value instanceof Map<?, ?> map ? map.values() : (Iterable<?>) value;
        int names = 0;
        for (Object item : items) {
            if (item instanceof Map<?, ?> || item instanceof List<?>) {
                if (depth >= MAX_DEPTH) {
                    throw new ParseException("claims nest deeper than " + MAX_DEPTH + " levels", 0);
                }
                names += (item instanceof Map<?, ?> map ? map.size() : 0) + nestedNames(item, depth + 1);
            }
        }
        return names;
    }

    /** The colons outside strings of {@code json}, which must be strict JSON. */
    private static int colons(String json) {
        int colons = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (c == '\\') {
                i++; // inside a string: the escaped character is never a quote that ends it
            } else if (c == ':' && !inString) {
                colons++;
            }
        }
        return colons;
    }

    /** RFC 7519 §4.1: the registered claims this module reads have fixed types; a JSON null counts as absent. */
    private static void checkTypes(Map<String, Object> claims) throws ParseException {
        for (String name : List.of("iss", "sub", "token_type")) {
            if (claims.get(name) != null && !(claims.get(name) instanceof String)) {
                throw new ParseException("'" + name + "' is not a string", 0);
            }
        }
        for (String name : List.of("exp", "nbf", "iat")) {
            if (claims.get(name) != null && !(claims.get(name) instanceof Number)) {
                throw new ParseException("'" + name + "' is not a number", 0);
            }
        }
        Object aud = claims.get("aud");
        if (aud != null && !(aud instanceof String)
                && !(aud instanceof List<?> list && list.stream().allMatch(a -> a == null || a instanceof String))) {
            throw new ParseException("'aud' is neither a string nor strings", 0);
        }
    }
}
