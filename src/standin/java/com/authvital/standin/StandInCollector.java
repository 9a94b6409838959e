package com.authvital.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenTelemetry collector on loopback: it receives OTLP/HTTP in protobuf
 * ({@code POST /v1/metrics}, {@code POST /v1/traces}, as Open Liberty's {@code mpTelemetry}
 * exports with {@code otel.exporter.otlp.protocol=http/protobuf}), keeps the latest point of each
 * metric series and the most recent spans, both bounded, and shows them: as JSON at
 * {@code /collected/metrics} and {@code /collected/spans}, in Prometheus's text format at
 * {@code /metrics}, and to in-process tests through {@link #point} and {@link #spans}.
 *
 * <pre>{@code
 * try (StandInCollector collector = StandInCollector.start(0)) {
 *     // otel.exporter.otlp.endpoint=collector.baseUrl()
 *     List<CollectedSpan> calls = collector.spans("GET /api/*");
 * }
 * }</pre>
 *
 * <p>From a shell, beside the stand-in IdP: {@code StandInIdp --collector-port 9181}.
 */
public final class StandInCollector implements AutoCloseable {

    /** The demo's port, {@code demo.collector.port}. */
    public static final int DEFAULT_PORT = 9181;

    /** Metric series kept; a point of a new series beyond them is dropped and counted. */
    public static final int MAX_SERIES = 20_000;

    /** Spans kept: the most recent ones. */
    public static final int MAX_SPANS = 20_000;

    /** The largest request body taken, compressed or not; a larger one is answered 413. */
    public static final int MAX_BODY_BYTES = 8 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final MetricSeries metrics = new MetricSeries(MAX_SERIES);
    private final SpanRing spans = new SpanRing(MAX_SPANS);

    private StandInCollector(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        server.createContext("/v1/", new OtlpReceiver(metrics, spans, MAX_BODY_BYTES));
        server.createContext("/", new CollectedEndpoints(metrics, spans));
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts on this port of 127.0.0.1 (0 for any free port).
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static StandInCollector start(int port) {
        // Few threads: exporters send a batch every few seconds, tests read now and then.
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "authvital-collector-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
            return new StandInCollector(HttpServer.create(address, 0), executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + "; choose a free port or 0", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the OTLP/HTTP endpoint to give an exporter. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The port it listens on, useful after {@code start(0)}. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The kept spans with this name, oldest first: {@code null} for all, {@code "GET *"} for
     * those whose name starts with {@code "GET "}.
     */
    public List<CollectedSpan> spans(String name) {
        return spans.spans(name);
    }

    /**
     * The latest point of each series of this metric, sorted by name, service and attributes:
     * {@code null} for every metric, {@code "http.*"} for those whose name starts with {@code "http."}.
     */
    public List<CollectedPoint> points(String metric) {
        return metrics.points(metric);
    }

    /** The latest point of the series of this metric with exactly these attributes, from any service. */
    public Optional<CollectedPoint> point(String metric, Map<String, String> attributes) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(attributes, "attributes");
        return points(metric).stream().filter(p -> p.attributes().equals(attributes)).findFirst();
    }

    /** Points refused because their series would have been one more than {@value #MAX_SERIES}. */
    public long droppedPoints() {
        return metrics.dropped();
    }

    /** Forgets every point, span and count, as {@code DELETE /collected} does. */
    public void clear() {
        metrics.clear();
        spans.clear();
    }

    /** Stops listening at once, abandoning requests still in progress. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
