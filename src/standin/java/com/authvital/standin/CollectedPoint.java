package com.authvital.standin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The latest data point of one metric series that the {@link StandInCollector} received: a series
 * is the metric's name, the exporting resource's {@code service.name} and the point's attributes.
 *
 * <pre>{@code
 * CollectedPoint refreshes = collector.point("authvital.refresh", Map.of("outcome", "ok")).orElseThrow();
 * assertEquals(3, refreshes.value());
 * }</pre>
 *
 * @param name the metric's name, as exported ({@code authvital.refresh})
 * @param service the resource's {@code service.name}; empty when it has none
 * @param type a sum, a gauge or a histogram
 * @param attributes the point's attributes in their string form, sorted by key
 * @param monotonic for a sum, whether it only goes up (a counter); false otherwise
 * @param value a sum's or gauge's value; 0 for a histogram
 * @param count a histogram's count; 0 otherwise
 * @param sum a histogram's sum; 0 otherwise
 * @param bounds a histogram's explicit bucket bounds; empty otherwise
 * @param bucketCounts a histogram's per-bucket counts (one more than the bounds); empty otherwise
 * @param timeNanos the point's time, in nanoseconds since the epoch
 */
public record CollectedPoint(String name, String service, Type type, Map<String, String> attributes,
        boolean monotonic, double value, long count, double sum, List<Double> bounds, List<Long> bucketCounts,
        long timeNanos) {

    /** The kinds of metric the collector keeps; exponential histograms and summaries it ignores. */
    public enum Type {
        SUM, GAUGE, HISTOGRAM;

        /** The lower-case form the JSON of {@code /collected/metrics} uses: {@code sum}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the collections: the point cannot change after it is kept. */
    public CollectedPoint {
        attributes = Otlp.sorted(attributes);
        bounds = List.copyOf(bounds);
        bucketCounts = List.copyOf(bucketCounts);
    }

    /** A counter: a sum that only goes up, which the Prometheus text names {@code <name>_total}. */
    public boolean counter() {
        return type == Type.SUM && monotonic;
    }
}
