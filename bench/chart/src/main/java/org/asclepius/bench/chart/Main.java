package org.asclepius.bench.chart;

import org.asclepius.bench.common.SeedOrMeasure;

/** {@code seed} (the patient and the chart) or {@code measure} (open the chart N times); {@code --help} after either. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        SeedOrMeasure.main(argv, "chart-bench.jar", ChartBenchmark::seed, ChartBenchmark::measure, "chart-bench");
    }
}
