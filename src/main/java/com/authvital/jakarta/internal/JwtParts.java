package com.authvital.jakarta.internal;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three parts of a compact JWS (RFC 7515 §7.1), read without the copies a general JWT object
 * makes: the header parsed by nimbus once per distinct encoding (every token of a key shares
 * it), the claims read with JSON-P straight into plain Java values. The benchmark's breakdown
 * showed parsing, not the signature, was what set the validator above the raw verification.
 *
 * @param header       the JOSE header
 * @param signingInput the bytes the signature covers: {@code header.payload}
 * @param signature    the signature part
 * @param claims       the claims, as strings, numbers (Long or Double), booleans, lists and maps
 */
record JwtParts(JWSHeader header, byte[] signingInput, Base64URL signature, Map<String, Object> claims) {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    private static final int MAX_HEADERS = 32;

    /**
     * The parts of {@code token}; a ParseException when it is not a compact JWS with JSON claims.
     *
     * @param headers the parsed headers by their encoding, kept by the caller (bounded here)
     */
    static JwtParts parse(String token, Map<String, JWSHeader> headers) throws ParseException {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0 || second == token.length() - 1) {
            throw new ParseException("not three parts", 0);
        }
        String encodedHeader = token.substring(0, first);
        JWSHeader header = headers.get(encodedHeader);
        if (header == null) {
            header = JWSHeader.parse(new Base64URL(encodedHeader));
            if (headers.size() < MAX_HEADERS) {
                headers.put(encodedHeader, header);
            }
        }
        Map<String, Object> claims = claims(token.substring(first + 1, second));
        return new JwtParts(header, token.substring(0, second).getBytes(StandardCharsets.US_ASCII),
                new Base64URL(token.substring(second + 1)), claims);
    }

    private static Map<String, Object> claims(String encoded) throws ParseException {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded)))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new ParseException("claims are not a JSON object", 0);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) java(object);
            checkTypes(claims);
            return claims;
        } catch (IllegalArgumentException | JsonException | IllegalStateException e) {
            throw new ParseException("claims are not base64url JSON", 0);
        }
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

    private static Object java(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? (Object) number.longValue() : (Object) number.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(item -> {
                    if (item.getValueType() != JsonValue.ValueType.NULL) {
                        list.add(java(item));
                    }
                });
                return list;
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> {
                    if (v.getValueType() != JsonValue.ValueType.NULL) {
                        map.put(k, java(v));
                    }
                });
                return map;
            default:
                return null;
        }
    }
}
