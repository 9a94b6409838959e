package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * JSON-P helpers shared by the handlers: parsing bodies, reading optional fields, and the
 * ISO-8601 form of instants the IdP uses ({@code 2026-11-27T10:00:00.000Z}).
 */
final class JsonSupport {

    static final String INVALID_BODY = "Invalid JSON body";

    // JavaScript's Date.toISOString(): always milliseconds, always Z.
    private static final DateTimeFormatter ISO = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private JsonSupport() {
    }

    /**
     * One JSON object or array and nothing after it; anything else is the IdP's 400 (Express's
     * JSON parser is strict: a bare {@code "x"} or {@code 1} is refused too).
     */
    static JsonValue parse(byte[] body) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            // A JsonReader would silently ignore "{} x"; the IdP's body parser refuses it.
            boolean structure = value.getValueType() == JsonValue.ValueType.OBJECT
                    || value.getValueType() == JsonValue.ValueType.ARRAY;
            if (!structure || parser.hasNext()) {
                throw HttpProblem.badRequest(INVALID_BODY);
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException malformed) {
            throw HttpProblem.badRequest(INVALID_BODY);
        }
    }

    static byte[] bytes(JsonValue value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A string field; empty when absent, null or not a string. */
    static Optional<String> string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString ? Optional.of(((JsonString) value).getString()) : Optional.empty();
    }

    /** A non-negative whole-number field; empty when absent or null, a 400 when it is anything else. */
    static Optional<Long> count(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER
                || !object.getJsonNumber(name).isIntegral() || object.getJsonNumber(name).longValue() < 0) {
            throw HttpProblem.badRequest(name + " must be a non-negative integer");
        }
        return Optional.of(object.getJsonNumber(name).longValue());
    }

    /** An ISO-8601 instant field ({@code Z} or an offset); a 400 naming the field when it is not one. */
    static Optional<Instant> instant(JsonObject object, String name) {
        Optional<String> text = string(object, name);
        try {
            return text.map(t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from))
                    .map(JsonSupport::millis);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + " must be an ISO-8601 date-time such as 2026-11-27T10:00:00.000Z");
        }
    }

    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    /** Instants are kept at millisecond precision, as the IdP's database keeps them. */
    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    static JsonValue nullable(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }
}
