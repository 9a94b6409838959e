package com.authvital.standin;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Webhook bodies as AuthVital puts them on the wire (authvital-events.md §2.3): compact JSON,
 * {@code JSON.stringify} of a payload read back from a Postgres {@code JSONB} column, so every
 * object's keys are in JSONB order (shorter UTF-8 length first, then bytewise) and strings are
 * escaped as JavaScript escapes them (control characters only; non-ASCII as raw UTF-8).
 */
final class JsonbWire {

    /** JSONB's key order: length in bytes first, then unsigned bytes (Postgres' {@code lengthCompareJsonbString}). */
    static final Comparator<String> KEY_ORDER = Comparator
            .comparingInt((String key) -> utf8(key).length)
            .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));

    private JsonbWire() {
    }

    static byte[] bytes(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT:
                JsonObject object = value.asJsonObject();
                List<String> keys = new ArrayList<>(object.keySet());
                keys.sort(KEY_ORDER);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(keys.get(i), out);
                    out.append(':');
                    write(object.get(keys.get(i)), out);
                }
                out.append('}');
                break;
            case ARRAY:
                JsonArray array = value.asJsonArray();
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
                break;
            case STRING:
                string(((JsonString) value).getString(), out);
                break;
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                // JavaScript prints 1.0 as 1; the IdP's payloads hold counts and nulls, rarely more.
                out.append(number.isIntegral() ? number.bigIntegerValue().toString()
                        : number.bigDecimalValue().stripTrailingZeros().toPlainString());
                break;
            default:
                out.append(value.toString()); // true, false, null
        }
    }

    /** {@code JSON.stringify} of a string: escapes quote, backslash and control characters only. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static byte[] utf8(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
