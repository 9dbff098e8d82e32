package org.asclepius.bench.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options; every option read is remembered so unknown ones are refused. */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final List<String> help = new ArrayList<>();

    public Args(String[] argv, int from) {
        for (int i = from; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected an option --name, got '" + a + "'");
            }
            String name = a.substring(2);
            String value = "true";
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                value = argv[++i];
            }
            values.put(name, value);
        }
    }

    public String get(String name, String def, String description) {
        used.add(name);
        help.add(String.format("  --%-22s %s (default: %s)", name, description, def));
        String v = values.get(name);
        if (v == null) {
            String env = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
            v = env != null ? env : def;
        }
        return v;
    }

    public int getInt(String name, int def, String description) {
        return Integer.parseInt(get(name, Integer.toString(def), description).replace("_", ""));
    }

    public double getDouble(String name, double def, String description) {
        return Double.parseDouble(get(name, Double.toString(def), description));
    }

    public boolean flag(String name, String description) {
        used.add(name);
        help.add(String.format("  --%-22s %s", name, description));
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /**
     * Prints help and exits when asked to, refuses unknown options. Call after reading every option.
     * {@code command} is how the tool is started, e.g. {@code java -jar target/booking-bench.jar}.
     */
    public void done(String command, String summary) {
        if (values.containsKey("help")) {
            System.out.println("usage: " + command + " [options]");
            System.out.println(summary);
            help.forEach(System.out::println);
            System.out.println("  (every option can also be given as environment variable BENCH_<NAME>, e.g. BENCH_JDBC_URL)");
            System.exit(0);
        }
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see " + command + " --help)");
            }
        }
    }
}
