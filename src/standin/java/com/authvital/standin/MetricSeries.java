package com.authvital.standin;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest point of each metric series, at most {@code maxSeries} of them: an exporter sends
 * for as long as it runs, so a point of a new series beyond the bound is dropped and counted.
 * Thread-safe.
 */
final class MetricSeries {

    private record Key(String name, String service, Map<String, String> attributes) {
    }

    // OTLP's DataPointFlags.FLAG_NO_RECORDED_VALUE: the point is a marker, not a value.
    private static final int NO_RECORDED_VALUE = 1;

    private static final Comparator<CollectedPoint> ORDER = Comparator.comparing(CollectedPoint::name)
            .thenComparing(CollectedPoint::service)
            .thenComparing(p -> p.attributes().toString());

    private final int maxSeries;
    private final Map<Key, CollectedPoint> latest = new HashMap<>();
    private long dropped;

    MetricSeries(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    /** Keeps the request's points; returns how many it dropped for the bound. */
    synchronized int accept(ExportMetricsServiceRequest request) {
        int refused = 0;
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            String service = Otlp.service(resource.getResource());
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    for (CollectedPoint point : points(metric, service)) {
                        refused += keep(point) ? 0 : 1;
                    }
                }
            }
        }
        dropped += refused;
        return refused;
    }

    private boolean keep(CollectedPoint point) {
        Key key = new Key(point.name(), point.service(), point.attributes());
        CollectedPoint kept = latest.get(key);
        if (kept == null && latest.size() >= maxSeries) {
            return false;
        }
        // A retried export may arrive after a newer one: the later point in time wins.
        if (kept == null || point.timeNanos() >= kept.timeNanos()) {
            latest.put(key, point);
        }
        return true;
    }

    private static List<CollectedPoint> points(Metric metric, String service) {
        String name = metric.getName();
        return switch (metric.getDataCase()) {
            case SUM -> numbers(metric.getSum().getDataPointsList(), name, service,
                    CollectedPoint.Type.SUM, metric.getSum().getIsMonotonic());
            case GAUGE -> numbers(metric.getGauge().getDataPointsList(), name, service,
                    CollectedPoint.Type.GAUGE, false);
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream()
                    .filter(p -> (p.getFlags() & NO_RECORDED_VALUE) == 0)
                    .map(p -> histogram(p, name, service))
                    .toList();
            default -> List.of(); // exponential histograms and summaries: not kept
        };
    }

    private static List<CollectedPoint> numbers(List<NumberDataPoint> points, String name, String service,
            CollectedPoint.Type type, boolean monotonic) {
        return points.stream()
                .filter(p -> (p.getFlags() & NO_RECORDED_VALUE) == 0)
                .filter(p -> p.getValueCase() != NumberDataPoint.ValueCase.VALUE_NOT_SET)
                .map(p -> new CollectedPoint(name, service, type, Otlp.attributes(p.getAttributesList()), monotonic,
                        p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble(),
                        0, 0, List.of(), List.of(), p.getTimeUnixNano()))
                .toList();
    }

    private static CollectedPoint histogram(HistogramDataPoint p, String name, String service) {
        return new CollectedPoint(name, service, CollectedPoint.Type.HISTOGRAM, Otlp.attributes(p.getAttributesList()),
                false, 0, p.getCount(), p.getSum(), p.getExplicitBoundsList(), p.getBucketCountsList(),
                p.getTimeUnixNano());
    }

    /** The kept points whose metric name passes {@code filter} (see {@link Otlp#matches}), sorted. */
    synchronized List<CollectedPoint> points(String filter) {
        return latest.values().stream().filter(p -> Otlp.matches(filter, p.name())).sorted(ORDER).toList();
    }

    /** Points refused since the start or the last {@link #clear()}, because their series was one too many. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized void clear() {
        latest.clear();
        dropped = 0;
    }
}
