package com.authvital.standin;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * OTLP's values as the collector keeps them: attributes as sorted strings, ids as hex, and the
 * {@code ?name=} filter of its read endpoints.
 */
final class Otlp {

    /** Attributes kept per point or span: an exporter's attributes are few, a runaway one is cut. */
    static final int MAX_ATTRIBUTES = 128;

    /** Characters kept of an attribute's string form, for the same reason. */
    static final int MAX_VALUE_CHARS = 4096;

    private static final HexFormat HEX = HexFormat.of();

    private Otlp() {
    }

    /** A copy of {@code attributes}, unmodifiable and sorted by key. */
    static Map<String, String> sorted(Map<String, String> attributes) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** The first {@value #MAX_ATTRIBUTES} attributes in their string form, sorted by key. */
    static Map<String, String> attributes(List<KeyValue> attributes) {
        TreeMap<String, String> kept = new TreeMap<>();
        for (KeyValue attribute : attributes) {
            if (kept.size() == MAX_ATTRIBUTES) {
                break;
            }
            kept.put(attribute.getKey(), text(attribute.getValue()));
        }
        return Collections.unmodifiableSortedMap(kept);
    }

    /** The resource's {@code service.name}, or empty. */
    static String service(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if ("service.name".equals(attribute.getKey())) {
                return text(attribute.getValue());
            }
        }
        return "";
    }

    /**
     * A value's string form: a string as it is, a number or boolean as Java prints it, an array
     * as {@code [a, b]}, a key-value list as {@code {k=v}}, bytes in base64.
     */
    static String text(AnyValue value) {
        String text = switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream()
                    .map(Otlp::text).collect(Collectors.joining(", ", "[", "]"));
            case KVLIST_VALUE -> value.getKvlistValue().getValuesList().stream()
                    .map(kv -> kv.getKey() + "=" + text(kv.getValue())).collect(Collectors.joining(", ", "{", "}"));
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            default -> "";
        };
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) : text;
    }

    /** Lower-case hex; empty for no bytes (a root span's parent id). */
    static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }

    /**
     * Whether {@code name} passes the {@code ?name=} filter: none (null) passes all, {@code x*}
     * is a prefix, anything else must be equal.
     */
    static boolean matches(String filter, String name) {
        if (filter == null) {
            return true;
        }
        return filter.endsWith("*") ? name.startsWith(filter.substring(0, filter.length() - 1)) : name.equals(filter);
    }
}
