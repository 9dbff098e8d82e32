package org.asclepius.bench.chart;

import org.asclepius.bench.common.Args;

/** {@code seed} (the patient and the chart) or {@code measure} (open the chart N times); {@code --help} after either. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        int exit;
        try {
            if (argv.length == 0 || !(argv[0].equals("seed") || argv[0].equals("measure"))) {
                throw new IllegalArgumentException("usage: java -jar target/chart-bench.jar seed|measure [options]"
                        + " (--help after the command lists them)");
            }
            Args args = new Args(argv, 1);
            exit = argv[0].equals("seed") ? ChartBenchmark.seed(args) : ChartBenchmark.measure(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (IllegalStateException e) {
            System.err.println("chart-bench: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }
}
