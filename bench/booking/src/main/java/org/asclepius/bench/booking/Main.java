package org.asclepius.bench.booking;

import org.asclepius.bench.common.Args;
/** Entry point: sets up the fixture, runs every level, verifies, reports. {@code --help} lists the options. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        int exit;
        try {
            exit = BookingBenchmark.run(new Args(argv, 0));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }
}
