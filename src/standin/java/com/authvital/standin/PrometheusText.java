package com.authvital.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept points in Prometheus's text exposition format, version 0.0.4: one {@code # TYPE} line
 * per family, names and label names with anything outside {@code [a-zA-Z0-9_:]} turned into
 * {@code _}, counters named {@code <name>_total}, histograms as cumulative {@code _bucket{le=...}}
 * series with {@code _sum} and {@code _count}, and {@code service.name} as the label {@code service}.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /** {@code points} sorted by name, as {@link MetricSeries#points} gives them. */
    static String format(List<CollectedPoint> points) {
        StringBuilder text = new StringBuilder();
        String family = null;
        for (CollectedPoint point : points) {
            String name = family(point);
            if (!name.equals(family)) {
                family = name;
                text.append("# TYPE ").append(name).append(' ').append(type(point)).append('\n');
            }
            Map<String, String> labels = labels(point);
            if (point.type() == CollectedPoint.Type.HISTOGRAM) {
                histogram(text, name, labels, point);
            } else {
                sample(text, name, labels, point.value());
            }
        }
        return text.toString();
    }

    private static void histogram(StringBuilder text, String name, Map<String, String> labels, CollectedPoint point) {
        // OTLP counts each bucket alone; Prometheus's buckets are cumulative, up to +Inf = count.
        long cumulative = 0;
        for (int i = 0; i < point.bounds().size() && i < point.bucketCounts().size(); i++) {
            cumulative += point.bucketCounts().get(i);
            sample(text, name + "_bucket", with(labels, "le", number(point.bounds().get(i))), cumulative);
        }
        sample(text, name + "_bucket", with(labels, "le", "+Inf"), point.count());
        sample(text, name + "_sum", labels, point.sum());
        sample(text, name + "_count", labels, point.count());
    }

    private static String family(CollectedPoint point) {
        String name = name(point.name());
        return point.counter() && !name.endsWith("_total") ? name + "_total" : name;
    }

    private static String type(CollectedPoint point) {
        return switch (point.type()) {
            case SUM -> point.monotonic() ? "counter" : "gauge";
            case GAUGE -> "gauge";
            case HISTOGRAM -> "histogram";
        };
    }

    /** The service first; an attribute whose label name is taken ({@code service}, {@code le}) is left out. */
    private static Map<String, String> labels(CollectedPoint point) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!point.service().isEmpty()) {
            labels.put("service", point.service());
        }
        point.attributes().forEach((key, value) -> {
            String label = name(key).replace(':', '_');
            if (!label.equals("le")) {
                labels.putIfAbsent(label, value);
            }
        });
        return labels;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static void sample(StringBuilder text, String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            labels.forEach((label, v) -> text.append(label).append("=\"").append(escape(v)).append("\","));
            text.setLength(text.length() - 1);
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
    }

    static String name(String name) {
        String sane = name.replaceAll("[^a-zA-Z0-9_:]", "_");
        return sane.isEmpty() || Character.isDigit(sane.charAt(0)) ? "_" + sane : sane;
    }

    /** A label value: backslash, double quote and line feed escaped, as the format requires. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A whole number without a fraction (a counter reads {@code 3}), else Java's form; {@code +Inf}, {@code NaN}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
