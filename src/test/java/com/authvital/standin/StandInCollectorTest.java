package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in collector receives OTLP/HTTP as an exporter sends it (protobuf requests built with
 * the protocol's own classes, POSTed over loopback) and shows what it kept through
 * {@code /collected/*}, {@code /metrics} and its Java API. One collector serves the class and is
 * emptied before each test; the bound's test has its own.
 */
class StandInCollectorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long T1 = 1_765_000_000_000_000_000L;
    private static final long T2 = T1 + 5_000_000_000L;

    private static StandInCollector collector;

    @BeforeAll
    static void start() {
        collector = StandInCollector.start(0);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @BeforeEach
    void forget() {
        assertEquals(204, send(collector, "DELETE", "/collected", null, null).statusCode());
    }

    /** A counter's series shows its latest cumulative value, its attributes and its service. */
    @Test
    void counterShowsItsLatestCumulativeValueAndAttributes() {
        export(metrics(counter("authvital.refresh", Map.of("outcome", "ok"), 2, T1)));
        HttpResponse<String> answer = export(metrics(counter("authvital.refresh", Map.of("outcome", "ok"), 5, T2),
                counter("authvital.refresh", Map.of("outcome", "failed"), 1, T2)));

        assertEquals(200, answer.statusCode());
        assertEquals("application/x-protobuf", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("", answer.body());
        List<JsonObject> series = json("/collected/metrics?name=authvital.refresh").getJsonArray("metrics")
                .getValuesAs(JsonObject.class);
        assertEquals(2, series.size());
        JsonObject ok = series.stream().filter(m -> m.getJsonObject("attributes").getString("outcome").equals("ok"))
                .findFirst().orElseThrow();
        assertEquals("authvital.refresh", ok.getString("name"));
        assertEquals("demo", ok.getString("service"));
        assertEquals("sum", ok.getString("type"));
        assertTrue(ok.getBoolean("monotonic"));
        assertEquals(Json.createObjectBuilder().add("outcome", "ok").build(), ok.getJsonObject("attributes"));
        assertEquals(5, ok.getJsonNumber("value").longValueExact());
        assertEquals(5.0, collector.point("authvital.refresh", Map.of("outcome", "ok")).orElseThrow().value());
        assertEquals(1.0, collector.point("authvital.refresh", Map.of("outcome", "failed")).orElseThrow().value());
    }

    /** A histogram reads in Prometheus's text format with cumulative buckets, its sum and its count. */
    @Test
    void histogramReadsInPrometheusTextWithCumulativeBuckets() {
        HistogramDataPoint point = HistogramDataPoint.newBuilder()
                .addAllAttributes(attributes(Map.of("http.route", "/api/sessions")))
                .setTimeUnixNano(T1).setCount(3).setSum(1.5)
                .addAllExplicitBounds(List.of(0.1, 1.0)).addAllBucketCounts(List.of(1L, 2L, 0L)).build();
        export(metrics(Metric.newBuilder().setName("http.server.request.duration").setUnit("s")
                .setHistogram(Histogram.newBuilder().addDataPoints(point)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE))
                .build()));

        HttpResponse<String> text = send(collector, "GET", "/metrics", null, null);

        assertEquals(200, text.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElseThrow());
        String labels = "service=\"demo\",http_route=\"/api/sessions\"";
        assertEquals(String.join("\n",
                "# TYPE http_server_request_duration histogram",
                "http_server_request_duration_bucket{" + labels + ",le=\"0.1\"} 1",
                "http_server_request_duration_bucket{" + labels + ",le=\"1\"} 3",
                "http_server_request_duration_bucket{" + labels + ",le=\"+Inf\"} 3",
                "http_server_request_duration_sum{" + labels + "} 1.5",
                "http_server_request_duration_count{" + labels + "} 3",
                ""), text.body());
    }

    /** A counter reads as {@code <name>_total} with its label values escaped as the format requires. */
    @Test
    void counterReadsInPrometheusTextAsTotalWithEscapedLabels() {
        export(metrics(counter("authvital.refusals", Map.of("reason", "a \"quoted\\\" \nline"), 7, T1)));

        assertEquals(String.join("\n",
                "# TYPE authvital_refusals_total counter",
                "authvital_refusals_total{service=\"demo\",reason=\"a \\\"quoted\\\\\\\" \\nline\"} 7",
                ""), send(collector, "GET", "/metrics", null, null).body());
    }

    /** A child span keeps its parent's id, trace id, kind and error status, found by a name prefix. */
    @Test
    void spanKeepsItsParentAndIsFoundByNamePrefix() {
        Span parent = span("GET /api/sessions", "0102030405060708", "", Span.SpanKind.SPAN_KIND_SERVER);
        Span child = span("authvital.idp.sessions", "1112131415161718", "0102030405060708",
                Span.SpanKind.SPAN_KIND_CLIENT).toBuilder()
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("IdP unavailable"))
                .build();
        assertEquals(200, post("/v1/traces", traces(parent, child).toByteArray(), false).statusCode());

        List<?> spans = json("/collected/spans?name=authvital.*").getJsonArray("spans");
        assertEquals(1, spans.size());
        JsonObject span = (JsonObject) spans.get(0);
        assertEquals("authvital.idp.sessions", span.getString("name"));
        assertEquals("0102030405060708", span.getString("parentSpanId"));
        assertEquals("000102030405060708090a0b0c0d0e0f", span.getString("traceId"));
        assertEquals("1112131415161718", span.getString("spanId"));
        assertEquals("CLIENT", span.getString("kind"));
        assertEquals("ERROR", span.getString("statusCode"));
        assertEquals("IdP unavailable", span.getString("statusMessage"));
        assertEquals("demo", span.getString("service"));
        assertEquals("", collector.spans("GET /api/sessions").get(0).parentSpanId());
    }

    /** A gzipped body, as exporters send with compression on, is read like a plain one. */
    @Test
    void gzippedBodyIsAccepted() {
        byte[] body = gzip(traces(span("gzipped", "2122232425262728", "", Span.SpanKind.SPAN_KIND_INTERNAL)).toByteArray());

        assertEquals(200, post("/v1/traces", body, true).statusCode());
        assertEquals(1, collector.spans("gzipped").size());
    }

    /** A body that is not an OTLP message is a 400, and nothing is kept. */
    @Test
    void garbageIsRefusedWith400() {
        HttpResponse<String> answer = post("/v1/metrics", "this is not protobuf".getBytes(), false);

        assertEquals(400, answer.statusCode());
        assertEquals(List.of(), collector.points(null));
    }

    /** A body over the limit is a 413 before it is parsed. */
    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        assertEquals(413, post("/v1/metrics", new byte[StandInCollector.MAX_BODY_BYTES + 1], false).statusCode());
    }

    /** A small gzipped body that inflates past the limit is a 413 too. */
    @Test
    void gzipInflatingPastTheLimitIsRefusedWith413() {
        byte[] bomb = gzip(new byte[StandInCollector.MAX_BODY_BYTES + 1]);

        assertTrue(bomb.length < 64 * 1024, "compressed to " + bomb.length);
        assertEquals(413, post("/v1/metrics", bomb, true).statusCode());
    }

    /** {@code GET /v1/metrics} is a 405 that names the method to use. */
    @Test
    void getOnTheReceiverIsRefusedWith405() {
        HttpResponse<String> answer = send(collector, "GET", "/v1/metrics", null, null);

        assertEquals(405, answer.statusCode());
        assertEquals("POST", answer.headers().firstValue("Allow").orElseThrow());
    }

    /** OTLP/HTTP's JSON encoding is not served: a 415 rather than a misread body. */
    @Test
    void jsonEncodingIsRefusedWith415() {
        assertEquals(415, send(collector, "POST", "/v1/traces", "{}", "application/json").statusCode());
    }

    /** {@code DELETE /collected} forgets points and spans. */
    @Test
    void deleteForgetsEverything() {
        export(metrics(counter("authvital.refresh", Map.of(), 1, T1)));
        post("/v1/traces", traces(span("forgotten", "3132333435363738", "", Span.SpanKind.SPAN_KIND_SERVER)).toByteArray(), false);

        assertEquals(204, send(collector, "DELETE", "/collected", null, null).statusCode());

        assertEquals(0, json("/collected/metrics").getJsonArray("metrics").size());
        assertEquals(0, json("/collected/spans").getJsonArray("spans").size());
    }

    /**
     * Past {@value StandInCollector#MAX_SERIES} series, a new series' points are dropped and
     * counted (in the JSON and in OTLP's partial success), while known series still update.
     */
    @Test
    void seriesBeyondTheBoundAreDroppedAndCounted() throws Exception {
        try (StandInCollector bounded = StandInCollector.start(0)) {
            List<Metric> many = new ArrayList<>();
            for (int i = 0; i < StandInCollector.MAX_SERIES + 5; i++) {
                many.add(counter("load.requests", Map.of("user", "u" + i), 1, T1));
            }
            HttpResponse<byte[]> answer = HTTP.send(request(bounded, "/v1/metrics", metrics(many).toByteArray(), false),
                    HttpResponse.BodyHandlers.ofByteArray());
            HTTP.send(request(bounded, "/v1/metrics", metrics(counter("load.requests", Map.of("user", "u0"), 9, T2))
                    .toByteArray(), false), HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(200, answer.statusCode());
            assertEquals(5, ExportMetricsServiceResponse.parseFrom(answer.body()).getPartialSuccess().getRejectedDataPoints());
            JsonObject kept = Json.createReader(new StringReader(send(bounded, "GET", "/collected/metrics", null, null)
                    .body())).readObject();
            assertEquals(StandInCollector.MAX_SERIES, kept.getJsonArray("metrics").size());
            assertEquals(5, kept.getJsonNumber("droppedPoints").longValueExact());
            assertEquals(9.0, bounded.point("load.requests", Map.of("user", "u0")).orElseThrow().value());
        }
    }

    /** Past {@value StandInCollector#MAX_SPANS} spans, the oldest make room and are counted. */
    @Test
    void spansBeyondTheBoundPushOutTheOldest() {
        List<Span> many = new ArrayList<>();
        for (int i = 0; i < StandInCollector.MAX_SPANS + 3; i++) {
            many.add(span("load " + i, String.format("%016x", i + 1), "", Span.SpanKind.SPAN_KIND_SERVER));
        }
        post("/v1/traces", traces(many.toArray(Span[]::new)).toByteArray(), false);

        JsonObject kept = json("/collected/spans");
        assertEquals(StandInCollector.MAX_SPANS, kept.getJsonArray("spans").size());
        assertEquals(3, kept.getJsonNumber("evictedSpans").longValueExact());
        assertEquals("load 3", kept.getJsonArray("spans").getJsonObject(0).getString("name"));
    }

    // --- OTLP requests, as an exporter of service "demo" builds them

    private static Metric counter(String name, Map<String, String> attributes, long value, long time) {
        return Metric.newBuilder().setName(name).setSum(Sum.newBuilder().setIsMonotonic(true)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(attributes(attributes))
                                .setStartTimeUnixNano(T1 - 1).setTimeUnixNano(time).setAsInt(value)))
                .build();
    }

    private static ExportMetricsServiceRequest metrics(Metric... metrics) {
        return metrics(List.of(metrics));
    }

    private static ExportMetricsServiceRequest metrics(List<Metric> metrics) {
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(demo())
                .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(metrics))).build();
    }

    private static Span span(String name, String spanId, String parentId, Span.SpanKind kind) {
        HexFormat hex = HexFormat.of();
        return Span.newBuilder().setName(name).setKind(kind)
                .setTraceId(ByteString.copyFrom(hex.parseHex("000102030405060708090a0b0c0d0e0f")))
                .setSpanId(ByteString.copyFrom(hex.parseHex(spanId)))
                .setParentSpanId(ByteString.copyFrom(hex.parseHex(parentId)))
                .setStartTimeUnixNano(T1).setEndTimeUnixNano(T2).build();
    }

    private static ExportTraceServiceRequest traces(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(demo())
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    private static Resource demo() {
        return Resource.newBuilder().addAllAttributes(attributes(Map.of("service.name", "demo"))).build();
    }

    private static List<KeyValue> attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(e -> KeyValue.newBuilder().setKey(e.getKey())
                .setValue(AnyValue.newBuilder().setStringValue(e.getValue())).build()).toList();
    }

    // --- HTTP

    private static HttpResponse<String> export(ExportMetricsServiceRequest request) {
        return post("/v1/metrics", request.toByteArray(), false);
    }

    private static HttpResponse<String> post(String path, byte[] body, boolean gzipped) {
        try {
            return HTTP.send(request(collector, path, body, gzipped), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(StandInCollector target, String path, byte[] body, boolean gzipped) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return gzipped ? request.header("Content-Encoding", "gzip").build() : request.build();
    }

    private static HttpResponse<String> send(StandInCollector target, String method, String path, String body,
            String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String path) {
        HttpResponse<String> answer = send(collector, "GET", path, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
