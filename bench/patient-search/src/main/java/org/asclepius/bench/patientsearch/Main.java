package org.asclepius.bench.patientsearch;

import org.asclepius.bench.common.Args;
/** Entry point: {@code tables | load | search}. Run without arguments for help. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            System.out.println("""
                    usage: java -jar target/patient-search-bench.jar <command> [--option value ...]
                      tables  build the frequency tables from a Synthea patients.csv (done once, tables are committed)
                      load    load N synthetic patients into the app's PostgreSQL schema with COPY
                      search  search benchmark: FHIR Patient search at a fixed arrival rate vs. the same raw SQL
                    Each command prints its options with --help.""");
            return;
        }
        Args args = new Args(argv, 1);
        switch (argv[0]) {
            case "tables" -> TableBuilder.run(args);
            case "load" -> PatientLoader.run(args);
            case "search" -> SearchBenchmark.run(args);
            default -> {
                System.err.println("unknown command '" + argv[0] + "' (tables | load | search)");
                System.exit(2);
            }
        }
    }
}
