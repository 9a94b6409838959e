package com.authvital.jakarta.internal.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@link Telemetry} over the server's OpenTelemetry (MicroProfile Telemetry's bean). Loaded only
 * when the API is there. The attribute sets are built once and kept (the hot path allocates none);
 * those that hold a message id are few, since ids come from the catalogue. With the SDK off (the
 * MicroProfile default, {@code otel.sdk.disabled=true}) every instrument is the API's no-op.
 */
public final class OpenTelemetryTelemetry implements Telemetry {

    static final String SCOPE = "com.authvital.jakarta";
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey("source");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("endpoint");
    private static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("status_class");
    private static final AttributeKey<String> REGION = AttributeKey.stringKey("region");
    private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("authvital.message_id");
    private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
            0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    /** Past this many distinct (source, outcome, id) sets, a refusal counts under reason "other". */
    private static final int MAX_VALIDATION_SETS = 512;

    private final Meter meter;
    private final Tracer tracer;
    private final LongCounter validations;
    private final LongCounter refreshes;
    private final LongCounter revocations;
    private final LongCounter idpRequests;
    private final DoubleHistogram idpDuration;
    private final LongCounter jwksFetches;
    private final LongCounter events;
    private final Map<String, Attributes> eventSets = new ConcurrentHashMap<>();
    private final Map<String, Attributes> validationSets = new ConcurrentHashMap<>();
    private final Map<Source, Attributes> accepted = new EnumMap<>(Source.class);
    private final Map<Refresh, Attributes> refreshSets = new EnumMap<>(Refresh.class);
    private final Map<String, Attributes> kindSets = new ConcurrentHashMap<>();
    private final Map<String, Attributes> regionSets = new ConcurrentHashMap<>();
    private final List<ObservableLongGauge> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Attributes fetched = Attributes.of(OUTCOME, "success");
    private final Attributes notFetched = Attributes.of(OUTCOME, "failure");

    /** Instruments and a tracer of the scope {@value #SCOPE}, from the server's {@code openTelemetry}. */
    public OpenTelemetryTelemetry(OpenTelemetry openTelemetry) {
        this.meter = openTelemetry.getMeter(SCOPE);
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.validations = meter.counterBuilder("authvital.token.validations")
                .setDescription("Access tokens of requests checked, by outcome, reason and source").setUnit("{token}").build();
        this.refreshes = meter.counterBuilder("authvital.refreshes")
                .setDescription("Silent refreshes, by outcome").setUnit("{refresh}").build();
        this.revocations = meter.counterBuilder("authvital.revocations")
                .setDescription("Revocations recorded by this server, by kind").setUnit("{revocation}").build();
        this.idpRequests = meter.counterBuilder("authvital.idp.requests")
                .setDescription("Calls to the IdP, by endpoint and status class").setUnit("{request}").build();
        this.idpDuration = meter.histogramBuilder("authvital.idp.request.duration")
                .setDescription("How long calls to the IdP took, by endpoint and status class").setUnit("s")
                // In seconds, as OpenTelemetry's HTTP client durations: the SDK's default buckets are for milliseconds.
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.events = meter.counterBuilder("authvital.events")
                .setDescription("AuthVital events received by this server, by type and outcome").setUnit("{event}").build();
        this.jwksFetches = meter.counterBuilder("authvital.jwks.fetches")
                .setDescription("Fetches of the IdP's signing keys, by outcome").setUnit("{fetch}").build();
        for (Source source : Source.values()) {
            accepted.put(source, Attributes.of(OUTCOME, Outcome.ACCEPTED.value, REASON, "none", SOURCE, source.value));
        }
        for (Refresh outcome : Refresh.values()) {
            refreshSets.put(outcome, Attributes.of(OUTCOME, outcome.value));
        }
    }

    @Override
    public void validation(Source source, Outcome outcome, String messageId) {
        if (outcome == Outcome.ACCEPTED) {
            validations.add(1, accepted.get(source)); // the hot path: no lookup by text
            return;
        }
        String key = source.value + '/' + outcome.value + '/' + messageId;
        Attributes set = validationSets.get(key);
        if (set == null) {
            String reason = messageId == null ? "none" : messageId;
            if (validationSets.size() >= MAX_VALIDATION_SETS) {
                reason = "other";
                key = source.value + '/' + outcome.value + "/other";
            }
            String counted = reason;
            set = validationSets.computeIfAbsent(key,
                    k -> Attributes.of(OUTCOME, outcome.value, REASON, counted, SOURCE, source.value));
        }
        validations.add(1, set);
    }

    @Override
    public void refresh(Refresh outcome) {
        refreshes.add(1, refreshSets.get(outcome));
    }

    @Override
    public void event(String type, String outcome) {
        // The receiver names only the types it knows, else "other": a bounded set.
        events.add(1, eventSets.computeIfAbsent(type + "\n" + outcome,
                k -> Attributes.of(AttributeKey.stringKey("type"), type, OUTCOME, outcome)));
    }

    @Override
    public void revocation(String kind) {
        revocations.add(1, kindSets.computeIfAbsent(kind, k -> Attributes.of(KIND, k)));
    }

    @Override
    public Call idpCall(Endpoint endpoint) {
        Span span = tracer.spanBuilder(endpoint.spanName).setSpanKind(SpanKind.CLIENT).startSpan();
        long started = System.nanoTime();
        return (status, messageId) -> {
            String statusClass = status <= 0 ? "none" : (status / 100) + "xx";
            Attributes set = Attributes.of(ENDPOINT, endpoint.value, STATUS_CLASS, statusClass);
            idpRequests.add(1, set);
            idpDuration.record((System.nanoTime() - started) / 1e9, set);
            if (status > 0) {
                span.setAttribute(STATUS_CODE, (long) status);
            }
            if (messageId != null) {
                span.setAttribute(MESSAGE_ID, messageId);
                span.setStatus(StatusCode.ERROR, messageId);
            }
            span.end();
        };
    }

    @Override
    public void jwksFetch(boolean succeeded) {
        jwksFetches.add(1, succeeded ? fetched : notFetched);
    }

    @Override
    public void gauges(IntSupplier tokenCacheSize, Supplier<StoreGauges> store) {
        gauges.add(meter.gaugeBuilder("authvital.token.cache.size").ofLongs()
                .setDescription("Validated access tokens this server keeps").setUnit("{token}")
                .buildWithCallback(measurement -> measurement.record(tokenCacheSize.getAsInt())));
        if (store.get() == null) {
            return; // in memory: nothing shared to watch
        }
        gauges.add(meter.gaugeBuilder("authvital.store.reachable").ofLongs()
                .setDescription("1 while the shared store can be reached, else 0").setUnit("1")
                .buildWithCallback(measurement -> measurement.record(store.get().reachable() ? 1 : 0)));
        gauges.add(meter.gaugeBuilder("authvital.store.pending_writes").ofLongs()
                .setDescription("Writes kept while the shared store cannot be reached").setUnit("{write}")
                .buildWithCallback(measurement -> measurement.record(store.get().pendingWrites())));
        gauges.add(meter.gaugeBuilder("authvital.store.entries").ofLongs()
                .setDescription("Entries of this server's mirror of the shared store, by region").setUnit("{entry}")
                .buildWithCallback(measurement -> store.get().regionSizes()
                        .forEach((region, size) -> measurement.record(size, regionSets.computeIfAbsent(region,
                                r -> Attributes.of(REGION, r))))));
    }

    @Override
    public void close() {
        for (ObservableLongGauge gauge : gauges) {
            gauge.close();
        }
        gauges.clear();
    }

    @Override
    public String toString() {
        return "OpenTelemetryTelemetry[" + SCOPE + "]";
    }
}
