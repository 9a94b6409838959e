package com.authvital.jakarta.internal;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three parts of a compact JWS (RFC 7515 §7.1), read without the copies a general JWT object
 * makes: the header parsed by nimbus once per distinct encoding (every token of a key shares
 * it), the claims streamed by JSON-P straight into unmodifiable Java values, the signature
 * decoded: the first validation of a token costs little more than its signature check
 * (docs/performance.md).
 *
 * @param header       the JOSE header
 * @param ascii        the token's characters as bytes (a non-ASCII one becomes {@code '?'}, which
 *                     no part may hold); the signing input, {@code header.payload}, is their
 *                     first {@code signedLength}
 * @param signature    the signature, decoded
 * @param claims       the claims, unmodifiable: strings, numbers (Long or Double), booleans, lists
 *                     and maps, JSON nulls left out
 * @param newHeader    the header's encoding when it was parsed here, {@code null} when it was known
 */
record JwtParts(JWSHeader header, byte[] ascii, int signedLength, byte[] signature, Map<String, Object> claims,
                String newHeader) {

    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());
    private static final int MAX_HEADERS = 32;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Claims nest a level or two; a token nesting deeper than this is refused, not recursed into. */
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

    private static Map<String, Object> claims(byte[] json) throws ParseException {
        // From a String: JSON-P detecting and decoding a byte stream itself costs more.
        try (JsonParser parser = JSON.createParser(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ParseException("claims are not a JSON object", 0);
            }
            Map<String, Object> claims = new FrozenClaims(object(parser, 1));
            if (parser.hasNext()) {
                throw new ParseException("claims are followed by more JSON", 0);
            }
            checkTypes(claims);
            return claims;
        } catch (RuntimeException e) {
            // JSON-P's JsonException, but also what its number reading throws for numbers it
            // cannot hold (NumberFormatException, UnsupportedOperationException): all of it is
            // input anyone can send, read before any signature check.
            throw new ParseException("claims are not JSON this module can read", 0);
        }
    }

    /**
     * The object whose {@code START_OBJECT} was just read. A name given twice is refused (RFC 7519
     * §4 allows it): parsers that keep the first and those that keep the last would disagree on
     * whose token it is.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonParser parser, int depth) throws ParseException {
        List<Map.Entry<String, Object>> members = new ArrayList<>();
        Set<String> nulls = null; // names with a JSON null, left out of the map: rare
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString(); // the event is KEY_NAME: the parser allows nothing else here
            Object value = value(parser, parser.next(), depth);
            if (value != null) {
                members.add(Map.entry(name, value));
            } else {
                nulls = nulls == null ? new HashSet<>() : nulls;
                if (!nulls.add(name)) {
                    throw new ParseException("a name is given twice", 0);
                }
            }
        }
        Map<String, Object> object = Map.ofEntries(members.toArray(new Map.Entry[0])); // throws on a repeated name
        if (nulls != null) {
            for (String name : nulls) {
                if (object.containsKey(name)) {
                    throw new ParseException("a name is given twice", 0);
                }
            }
        }
        return object;
    }

    private static List<Object> array(JsonParser parser, int depth) throws ParseException {
        List<Object> array = new ArrayList<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            Object value = value(parser, event, depth);
            if (value != null) {
                array.add(value);
            }
        }
        return List.copyOf(array);
    }

    /** The value {@code event} starts, as a Java value; null for JSON's null. */
    private static Object value(JsonParser parser, JsonParser.Event event, int depth) throws ParseException {
        switch (event) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER:
                return number(parser);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                return object(parser, deeper(depth));
            case START_ARRAY:
                return array(parser, deeper(depth));
            default:
                throw new ParseException("unexpected JSON " + event, 0);
        }
    }

    /**
     * An integer as a Long when it fits one (up to 18 characters always does, and is read
     * without a BigDecimal), else as a Double, like any number with a fraction or exponent.
     */
    private static Object number(JsonParser parser) {
        if (parser.isIntegralNumber()) {
            if (parser.getString().length() <= 18) {
                return parser.getLong();
            }
            BigInteger integer = parser.getBigDecimal().toBigInteger();
            return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : (Object) integer.doubleValue();
        }
        return parser.getBigDecimal().doubleValue();
    }

    private static int deeper(int depth) throws ParseException {
        if (depth >= MAX_DEPTH) {
            throw new ParseException("claims nest deeper than " + MAX_DEPTH + " levels", 0);
        }
        return depth + 1;
    }

    /** RFC 7519 §4.1: the registered claims this module reads have fixed types. */
    private static void checkTypes(Map<String, Object> claims) throws ParseException {
        for (String name : List.of("iss", "sub", "token_type")) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof String)) {
                throw new ParseException("'" + name + "' is not a string", 0);
            }
        }
        for (String name : List.of("exp", "nbf", "iat")) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof Number)) {
                throw new ParseException("'" + name + "' is not a number", 0);
            }
        }
        Object aud = claims.get("aud");
        if (aud != null && !(aud instanceof String)
                && !(aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            throw new ParseException("'aud' is neither a string nor strings", 0);
        }
    }
}
