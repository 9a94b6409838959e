package com.authvital.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the collector kept, for tests and the demo: {@code GET /collected/metrics} and
 * {@code GET /collected/spans} as JSON (each with an optional {@code ?name=}, exact or a prefix
 * ending in {@code *}), {@code DELETE /collected} to forget it all, and {@code GET /metrics} in
 * Prometheus's text format.
 */
final class CollectedEndpoints implements HttpHandler {

    // Looked up once: Json.createXxx() looks the provider up on every call, and a read of 20,000
    // spans makes some 60,000 of them.
    private static final JsonProvider JSON = JsonProvider.provider();

    private final MetricSeries metrics;
    private final SpanRing spans;

    CollectedEndpoints(MetricSeries metrics, SpanRing spans) {
        this.metrics = metrics;
        this.spans = spans;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            String name = FormCodec.parse(exchange.getRequestURI().getRawQuery()).get("name");
            name = name == null || name.isEmpty() ? null : name;
            switch (route) {
                case "GET /collected/metrics" -> json(exchange, metricsJson(name));
                case "GET /collected/spans" -> json(exchange, spansJson(name));
                case "DELETE /collected" -> {
                    metrics.clear();
                    spans.clear();
                    exchange.sendResponseHeaders(204, -1);
                }
                case "GET /metrics" -> Replies.send(exchange, 200, PrometheusText.CONTENT_TYPE,
                        PrometheusText.format(metrics.points(null)).getBytes(StandardCharsets.UTF_8));
                default -> Replies.text(exchange, 404, "no such route: " + route
                        + "; the collector reads GET /collected/metrics, GET /collected/spans, DELETE /collected"
                        + " and GET /metrics");
            }
        }
    }

    private JsonObject metricsJson(String name) {
        JsonArrayBuilder points = JSON.createArrayBuilder();
        for (CollectedPoint point : metrics.points(name)) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("name", point.name())
                    .add("service", point.service())
                    .add("type", point.type().wireName())
                    .add("attributes", strings(point.attributes()));
            if (point.type() == CollectedPoint.Type.HISTOGRAM) {
                json.add("count", point.count())
                        .add("sum", number(point.sum()))
                        .add("bounds", JSON.createArrayBuilder(point.bounds()))
                        .add("bucketCounts", JSON.createArrayBuilder(point.bucketCounts()));
            } else {
                json.add("value", number(point.value()));
            }
            if (point.type() == CollectedPoint.Type.SUM) {
                json.add("monotonic", point.monotonic());
            }
            points.add(json.add("timeNanos", point.timeNanos()));
        }
        return JSON.createObjectBuilder().add("metrics", points).add("droppedPoints", metrics.dropped()).build();
    }

    private JsonObject spansJson(String name) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (CollectedSpan span : spans.spans(name)) {
            list.add(JSON.createObjectBuilder()
                    .add("traceId", span.traceId())
                    .add("spanId", span.spanId())
                    .add("parentSpanId", span.parentSpanId())
                    .add("name", span.name())
                    .add("kind", span.kind())
                    .add("statusCode", span.statusCode())
                    .add("statusMessage", span.statusMessage())
                    .add("attributes", strings(span.attributes()))
                    .add("service", span.service())
                    .add("startNanos", span.startNanos())
                    .add("endNanos", span.endNanos()));
        }
        return JSON.createObjectBuilder().add("spans", list).add("evictedSpans", spans.evicted()).build();
    }

    private static JsonObjectBuilder strings(Map<String, String> map) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        map.forEach(json::add);
        return json;
    }

    /** A whole number as one ({@code 3}, not {@code 3.0}); JSON has no NaN or infinity, so those are strings. */
    private static JsonValue number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return JSON.createValue(PrometheusText.number(value));
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? JSON.createValue((long) value) : JSON.createValue(value);
    }

    private static void json(HttpExchange exchange, JsonObject body) throws IOException {
        Replies.send(exchange, 200, "application/json; charset=utf-8", JsonSupport.bytes(body));
    }
}
