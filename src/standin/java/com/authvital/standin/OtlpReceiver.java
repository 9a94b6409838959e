package com.authvital.standin;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * OTLP/HTTP's binary protobuf encoding (OTLP specification, "OTLP/HTTP"): {@code POST /v1/metrics}
 * and {@code POST /v1/traces}, optionally gzipped, answered 200 with the protobuf response. A
 * body over the limit, compressed or not, is a 413; one that does not parse, a 400.
 */
final class OtlpReceiver implements HttpHandler {

    static final String PROTOBUF = "application/x-protobuf";

    // What is read past the limit to let the client see the 413, before giving up on the connection.
    private static final long MAX_DRAIN_BYTES = 64L << 20;

    private final MetricSeries metrics;
    private final SpanRing spans;
    private final int maxBodyBytes;

    OtlpReceiver(MetricSeries metrics, SpanRing spans, int maxBodyBytes) {
        this.metrics = metrics;
        this.spans = spans;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (InvalidProtocolBufferException | ZipException | EOFException malformed) {
            Replies.text(exchange, 400, "the body is not a valid OTLP protobuf message: " + malformed.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/v1/metrics") && !path.equals("/v1/traces")) {
            Replies.text(exchange, 404, "no such path: the collector receives /v1/metrics and /v1/traces");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Replies.text(exchange, 405, "use POST with an OTLP protobuf body");
            return;
        }
        String type = header(exchange, "Content-Type");
        if (!type.isEmpty() && !type.startsWith(PROTOBUF)) {
            Replies.text(exchange, 415, "send " + PROTOBUF + " (OTLP/HTTP's JSON encoding is not served)");
            return;
        }
        String encoding = header(exchange, "Content-Encoding");
        if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("identity")) {
            Replies.text(exchange, 415, "send the body plain or with Content-Encoding: gzip");
            return;
        }
        byte[] body = limited(exchange.getRequestBody());
        if (body != null && encoding.equals("gzip")) {
            body = gunzip(body);
        }
        if (body == null) {
            Replies.text(exchange, 413, "the body is over " + maxBodyBytes + " bytes; export smaller batches");
            return;
        }
        Replies.send(exchange, 200, PROTOBUF, receive(path, body).toByteArray());
    }

    private MessageLite receive(String path, byte[] body) throws InvalidProtocolBufferException {
        if (path.equals("/v1/traces")) {
            spans.accept(ExportTraceServiceRequest.parseFrom(body));
            return ExportTraceServiceResponse.getDefaultInstance();
        }
        int refused = metrics.accept(ExportMetricsServiceRequest.parseFrom(body));
        if (refused == 0) {
            return ExportMetricsServiceResponse.getDefaultInstance();
        }
        // OTLP's partial success: the exporter logs it, and the caller sees why points are missing.
        return ExportMetricsServiceResponse.newBuilder().setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                .setRejectedDataPoints(refused)
                .setErrorMessage("the stand-in collector keeps a bounded number of series;"
                        + " DELETE /collected to make room"))
                .build();
    }

    /** The stream's bytes, or null when there are more than the limit (the rest drained, up to a point). */
    private byte[] limited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length <= maxBodyBytes) {
            return body;
        }
        long drained = 0;
        byte[] sink = new byte[64 << 10];
        for (int n; drained < MAX_DRAIN_BYTES && (n = in.read(sink)) >= 0; ) {
            drained += n;
        }
        return null;
    }

    /** Decompressed, or null when that is over the limit: a small gzip body can inflate a thousandfold. */
    private byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length <= maxBodyBytes ? body : null;
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
