package org.asclepius.bench.beds;

import org.asclepius.bench.common.SeedOrMeasure;

/** {@code seed} (the hospital) or {@code measure} (render the board N times); {@code --help} after either. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        SeedOrMeasure.main(argv, "bed-board-bench.jar", BedBoardBenchmark::seed, BedBoardBenchmark::measure, null);
    }
}
