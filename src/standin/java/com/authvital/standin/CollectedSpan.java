package com.authvital.standin;

import java.util.Map;

/**
 * One span that the {@link StandInCollector} received, ids in lower-case hex.
 *
 * <pre>{@code
 * CollectedSpan call = collector.spans("GET /api/sessions").get(0);
 * assertEquals("SERVER", call.kind());
 * }</pre>
 *
 * @param traceId the trace id, 32 hex digits
 * @param spanId the span id, 16 hex digits
 * @param parentSpanId the parent's span id; empty for a root span
 * @param name the span's name
 * @param kind {@code INTERNAL}, {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER}
 *     or {@code UNSPECIFIED}
 * @param statusCode {@code UNSET}, {@code OK} or {@code ERROR}
 * @param statusMessage the status's description; empty when it has none
 * @param attributes the span's attributes in their string form, sorted by key
 * @param service the resource's {@code service.name}; empty when it has none
 * @param startNanos the start, in nanoseconds since the epoch
 * @param endNanos the end, in nanoseconds since the epoch
 */
public record CollectedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
        String statusCode, String statusMessage, Map<String, String> attributes, String service,
        long startNanos, long endNanos) {

    /** Copies the attributes: the span cannot change after it is kept. */
    public CollectedSpan {
        attributes = Otlp.sorted(attributes);
    }

    /** Whether it has a parent span, that is, is not the root of its trace here. */
    public boolean hasParent() {
        return !parentSpanId.isEmpty();
    }
}
