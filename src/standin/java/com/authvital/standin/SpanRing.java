package com.authvital.standin;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent {@code maxSpans} spans, oldest first: a new one beyond the bound pushes the
 * oldest out, and that is counted. Thread-safe.
 */
final class SpanRing {

    private final int maxSpans;
    private final ArrayDeque<CollectedSpan> spans = new ArrayDeque<>();
    private long evicted;

    SpanRing(int maxSpans) {
        this.maxSpans = maxSpans;
    }

    synchronized void accept(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = Otlp.service(resource.getResource());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    if (spans.size() == maxSpans) {
                        spans.removeFirst();
                        evicted++;
                    }
                    spans.addLast(span(span, service));
                }
            }
        }
    }

    private static CollectedSpan span(Span span, String service) {
        return new CollectedSpan(Otlp.hex(span.getTraceId()), Otlp.hex(span.getSpanId()),
                Otlp.hex(span.getParentSpanId()), span.getName(),
                span.getKind().name().replaceFirst("^SPAN_KIND_", ""),
                span.getStatus().getCode().name().replaceFirst("^STATUS_CODE_", ""),
                span.getStatus().getMessage(), Otlp.attributes(span.getAttributesList()), service,
                span.getStartTimeUnixNano(), span.getEndTimeUnixNano());
    }

    /** The kept spans whose name passes {@code filter} (see {@link Otlp#matches}), oldest first. */
    synchronized List<CollectedSpan> spans(String filter) {
        return spans.stream().filter(s -> Otlp.matches(filter, s.name())).toList();
    }

    /** Spans pushed out by newer ones since the start or the last {@link #clear()}. */
    synchronized long evicted() {
        return evicted;
    }

    synchronized void clear() {
        spans.clear();
        evicted = 0;
    }
}
