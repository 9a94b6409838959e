package com.authvital.bench;

import java.util.Arrays;
import java.util.Locale;

/** What the interleaved benchmarks share: the order of a round, and the median and quartiles of per-round ratios. */
final class Rounds {

    private Rounds() {
    }

    /**
     * The order of {@code items} in round {@code round}: rotated by one each round, reversed
     * every other cycle, so that none is always first or always on the warmest server.
     */
    static int[] order(int round, int items) {
        int[] order = new int[items];
        boolean reversed = (round / items) % 2 == 1;
        for (int i = 0; i < items; i++) {
            int position = reversed ? items - 1 - i : i;
            order[position] = (round + i) % items;
        }
        return order;
    }

    static double median(double[] values) {
        return quantile(sorted(values), 0.5);
    }

    /** "median M (quartiles Q1..Q3)": how much one round's figure can be trusted. */
    static String quartiles(double[] values) {
        double[] sorted = sorted(values);
        return String.format(Locale.ROOT, "median %.3f (quartiles %.3f..%.3f)", quantile(sorted, 0.5),
                quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    /** "Q1..Q3", the quartiles alone. */
    static String quartileRange(double[] values) {
        double[] sorted = sorted(values);
        return String.format(Locale.ROOT, "%.2f..%.2f", quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
