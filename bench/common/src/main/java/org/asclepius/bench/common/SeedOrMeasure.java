package org.asclepius.bench.common;

/**
 * The entry point of the benchmarks that first seed their data and then measure: {@code seed|measure [options]},
 * {@code --help} after the command lists its options.
 */
public final class SeedOrMeasure {
    private SeedOrMeasure() {
    }

    /** {@code seed} or {@code measure}: reads its options from the {@link Args}, returns the exit status. */
    @FunctionalInterface
    public interface Command {
        int run(Args args) throws Exception;
    }

    /**
     * Runs the command argv[0] names and exits with its status; a missing or wrong command or option exits with 2
     * (the message on stderr). {@code jar} is the tool's jar, e.g. {@code chart-bench.jar}. If {@code tool} is not
     * null, an {@link IllegalStateException} exits with 1 and "tool: message" on stderr; otherwise it is thrown on.
     */
    public static void main(String[] argv, String jar, Command seed, Command measure, String tool) throws Exception {
        int exit;
        try {
            if (argv.length == 0 || !(argv[0].equals("seed") || argv[0].equals("measure"))) {
                throw new IllegalArgumentException("usage: java -jar target/" + jar + " seed|measure [options]"
                        + " (--help after the command lists them)");
            }
            Args args = new Args(argv, 1);
            exit = argv[0].equals("seed") ? seed.run(args) : measure.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (IllegalStateException e) {
            if (tool == null) {
                throw e;
            }
            System.err.println(tool + ": " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }
}
