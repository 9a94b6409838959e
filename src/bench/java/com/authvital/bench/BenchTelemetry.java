package com.authvital.bench;

import com.authvital.standin.CollectedPoint;
import com.authvital.standin.CollectedSpan;
import com.authvital.standin.StandInCollector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Issue 20 around the load benchmark on Open Liberty: the benchmark server with its telemetry on
 * ({@code liberty/bench-telemetry/telemetry.xml} among its overrides, OpenTelemetry's system
 * properties on its JVM), and, after the load, the proof that something was measured: the
 * stand-in collector holds the module's {@value #VALIDATIONS} from {@code /bench}, about as many as
 * requests went there, and nothing from {@code /bench-notelemetry}.
 *
 * <p>Both WARs export (if at all) under the server's one {@code service.name} and the same
 * attributes, so the collector cannot tell them apart by series. The off WAR is given nothing to
 * export instead ({@code authvital.telemetry.enabled=false}), and the check tells by counts:
 * after the load the series must hold the on WAR's requests, not twice as many; then requests to
 * the off WAR alone must leave it unchanged, and as many to the on WAR must add exactly that many.
 */
final class BenchTelemetry {

    /** How often the server exports its metrics ({@code otel.metric.export.interval}). */
    static final Duration EXPORT_INTERVAL = Duration.ofSeconds(5);

    private static final String VALIDATIONS = "authvital.token.validations";

    /** What the server's OpenTelemetry SDK counts of its own export: how many spans it dropped. */
    private static final List<String> EXPORTER_COUNTS = List.of("otlp.exporter.seen", "otlp.exporter.exported",
            "processedSpans");

    /** Where the overlay goes in the server's directory, and under which name. */
    private static final Path DROPIN = Path.of("configDropins", "overrides", "bench-telemetry.xml");

    /** Requests sent to each WAR alone after the load, one after the other. */
    private static final int PROBES = 2000;

    /**
     * Validations the load's own count leaves out: the checks before measuring (a few per path)
     * and whatever the 300 logouts through {@code /bench/logout} count.
     */
    private static final long UNCOUNTED = 1000;

    /** An export later than asked for arrives within this: a few intervals, on a busy machine. */
    private static final Duration SETTLE_LIMIT = EXPORT_INTERVAL.multipliedBy(6);

    private final InetSocketAddress server;
    private final StandInCollector collector;
    private final String service;
    private boolean ok = true;

    /** {@code service}: the server's {@code otel.service.name}, as {@link #systemProperties} set it. */
    BenchTelemetry(InetSocketAddress server, StandInCollector collector, String service) {
        this.server = server;
        this.collector = collector;
        this.service = service;
    }

    /**
     * Puts {@code overlay} among the overrides of the server in {@code serverDir}, or ({@code on}
     * false) removes it, so that a run without telemetry never inherits one with.
     */
    static void configure(Path serverDir, Path overlay, boolean on) throws IOException {
        Path dropin = serverDir.resolve(DROPIN);
        if (!on) {
            Files.deleteIfExists(dropin);
            return;
        }
        if (!Files.isRegularFile(overlay)) {
            throw new IllegalStateException(overlay.toAbsolutePath() + " is missing: pass --telemetry-config");
        }
        Files.createDirectories(dropin.getParent());
        Files.copy(overlay, dropin, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The server JVM's system properties that turn OpenTelemetry on (Liberty's runtime-wide mode,
     * one SDK for every application) and export to {@code collector}: metrics every
     * {@link #EXPORT_INTERVAL}, spans in batches (the SDK's defaults), no logs.
     */
    static String systemProperties(StandInCollector collector, String service) {
        return String.join(" ", "-Dotel.sdk.disabled=false",
                "-Dotel.service.name=" + service,
                "-Dotel.exporter.otlp.endpoint=" + collector.baseUrl(),
                "-Dotel.exporter.otlp.protocol=http/protobuf",
                "-Dotel.metric.export.interval=" + EXPORT_INTERVAL.toMillis(),
                "-Dotel.logs.exporter=none");
    }

    /** What the printout says of the design, before the figures. */
    static List<String> preamble(StandInCollector collector) {
        return List.of(String.format(Locale.ROOT, "telemetry on (issue 20): mpTelemetry-2.0, otel.sdk.disabled=false,"
                        + " metrics every %d s and spans over OTLP http/protobuf to the stand-in collector on %s;",
                        EXPORT_INTERVAL.toSeconds(), collector.baseUrl()),
                "  our filter records its metrics on /bench, not on /bench-notelemetry (authvital.telemetry.enabled=false),"
                        + " both WARs see the OpenTelemetry API;",
                "  Liberty's own instrumentation (a server span and the HTTP metrics of every request) costs the same on"
                        + " all three paths: 'telemetry on / off' is the module's own recording alone, and every ratio to"
                        + " the unprotected servlet is taken on a server that pays for Liberty's.");
    }

    /**
     * After the load, which sent {@code sentOn} requests to {@code /bench/protected} and
     * {@code sentOff} to {@code /bench-notelemetry/protected}: the check, with {@code token}, a
     * valid token. Answers the lines to print; {@link #passed()} then says whether it held.
     */
    List<String> check(long sentOn, long sentOff, byte[] token) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("collector check (" + VALIDATIONS + " of service.name " + service + ", all its series summed,"
                + " read from an export made after the requests):");
        double afterLoad = settled();
        expect(lines, afterLoad >= sentOn && afterLoad <= sentOn + UNCOUNTED, String.format(Locale.ROOT,
                "  after the load: %.0f; the load sent %d requests to /bench/protected (telemetry on), %d to"
                        + " /bench-notelemetry/protected (off); expected %d to %d", afterLoad, sentOn, sentOff, sentOn,
                sentOn + UNCOUNTED));
        try (LoadDriver driver = new LoadDriver(server, 4)) {
            send(driver, LoadBench.NO_TELEMETRY, token);
            double afterOff = settled();
            expect(lines, afterOff == afterLoad, String.format(Locale.ROOT,
                    "  %d more requests to /bench-notelemetry/protected (telemetry off): %.0f, %+.0f; expected +0",
                    PROBES, afterOff, afterOff - afterLoad));
            send(driver, LoadBench.FILTER, token);
            double afterOn = settled();
            expect(lines, afterOn - afterOff == PROBES, String.format(Locale.ROOT,
                    "  %d more requests to /bench/protected (telemetry on): %.0f, %+.0f; expected +%d",
                    PROBES, afterOn, afterOn - afterOff, PROBES));
        }
        lines.add("  metrics of " + service + " at the collector: " + collector.points(null).stream()
                .filter(point -> point.service().equals(service)).map(CollectedPoint::name).distinct()
                .collect(Collectors.joining(", ")));
        // The module traces only its calls to the IdP, which a load of valid tokens does not make:
        // the spans under load are Liberty's, one per request on every path.
        List<CollectedSpan> spans = collector.spans(null);
        lines.add(String.format(Locale.ROOT, "  spans received, the latest %d kept: %s", spans.size(),
                spans.stream().map(CollectedSpan::name).distinct().limit(8).collect(Collectors.joining(", "))));
        lines.add("  the server's exporter counts: " + collector.points(null).stream()
                .filter(point -> point.service().equals(service) && EXPORTER_COUNTS.contains(point.name()))
                .map(point -> String.format(Locale.ROOT, "%s%s %.0f", point.name(), point.attributes(), point.value()))
                .collect(Collectors.joining(", ")));
        lines.add("  collector check: " + (ok ? "ok, the module's metrics came from the telemetry-on WAR only"
                : "FAILED: the comparison did not measure what it says"));
        return lines;
    }

    boolean passed() {
        return ok;
    }

    private void expect(List<String> lines, boolean held, String line) {
        ok &= held;
        lines.add(line + ": " + (held ? "ok" : "WRONG"));
    }

    private void send(LoadDriver driver, LoadBench.Target target, byte[] token) throws Exception {
        LoadDriver.Run run = driver.run(target.path(), new byte[][] {token}, PROBES, Duration.ofMinutes(1));
        if (run.errors() > 0) {
            throw new IllegalStateException(run.errors() + " of " + PROBES + " requests to " + target.path()
                    + " did not answer 200");
        }
    }

    /**
     * The sum over the service's series of {@value #VALIDATIONS}, from an export collected after
     * this call began (cumulative counters: every series in every export); NaN when none came
     * within {@link #SETTLE_LIMIT}.
     */
    private double settled() throws InterruptedException {
        Instant now = Instant.now();
        long after = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<CollectedPoint> points = collector.points(VALIDATIONS).stream()
                    .filter(point -> point.service().equals(service)).toList();
            if (!points.isEmpty() && points.stream().allMatch(point -> point.timeNanos() > after)) {
                return points.stream().mapToDouble(CollectedPoint::value).sum();
            }
            Thread.sleep(250);
        }
        return Double.NaN;
    }
}
