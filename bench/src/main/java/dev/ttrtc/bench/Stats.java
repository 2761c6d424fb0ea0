package dev.ttrtc.bench;

import java.util.Collection;

/**
 * Percentiles of samples. Nearest-rank percentiles, so every number reported is a value that was
 * actually measured (no interpolation between two runs that never happened).
 */
public final class Stats {
    private Stats() {
    }

    public static Summary of(Collection<? extends Number> samples) {
        double[] values = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return of(values);
    }

    public static Summary of(double[] samples) {
        double[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[0], sorted[sorted.length - 1], sum / sorted.length);
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least q% of samples at or below it. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median of a few values (for "median over runs" numbers). */
    public static double median(Collection<? extends Number> values) {
        return of(values).p50();
    }
}
