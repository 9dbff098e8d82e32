package org.asclepius.bench.beds;

import org.asclepius.bench.common.Args;

/** {@code seed} (the hospital) or {@code measure} (render the board N times); {@code --help} after either. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        int exit;
        try {
            if (argv.length == 0 || !(argv[0].equals("seed") || argv[0].equals("measure"))) {
                throw new IllegalArgumentException("usage: java -jar target/bed-board-bench.jar seed|measure [options]"
                        + " (--help after the command lists them)");
            }
            Args args = new Args(argv, 1);
            exit = argv[0].equals("seed") ? BedBoardBenchmark.seed(args) : BedBoardBenchmark.measure(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }
}
