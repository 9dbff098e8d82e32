package org.asclepius.bench.common;

import java.util.Arrays;
import java.util.List;

/** Median, p95 (nearest rank) and max of a list of milliseconds. */
public record Stats(int n, double median, double p95, double max) {
    public static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(v.length, rank(v, 0.5), rank(v, 0.95), v[v.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public String row(String what) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", what, n, median, p95, max);
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {median, p95, max});
    }
}
