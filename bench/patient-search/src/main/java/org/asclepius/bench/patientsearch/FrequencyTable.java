package org.asclepius.bench.patientsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
/**
 * A frequency table (.tsv: key columns, value, count) split into groups by its key columns, sampled by weight.
 * Weights are the observed counts, or Zipf-shaped: Synthea picks names uniformly from its lists, so the observed
 * counts are flat; real name frequencies have a head (Smith) and a long tail. With {@code zipf} the values of a
 * group are ranked by observed count (ties broken by a fixed hash) and weighted 1 / (rank + q)^s.
 */
final class FrequencyTable {
    record Entry(String value, long count) {
    }

    /** Weighted values of one group, sampled in O(log n). */
    static final class Group {
        final String[] values;
        final double[] cumulative;

        Group(List<Entry> entries, String shape, double s, double q) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingLong(Entry::count).reversed()
                    .thenComparingInt(e -> mix(e.value().hashCode())));
            values = new String[sorted.size()];
            cumulative = new double[sorted.size()];
            double sum = 0;
            for (int i = 0; i < sorted.size(); i++) {
                values[i] = sorted.get(i).value();
                double w = shape.equals("zipf") ? 1.0 / Math.pow(i + 1 + q, s) : sorted.get(i).count();
                sum += w;
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String sample(SplittableRandom random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            i = i >= 0 ? i : -i - 1;
            return values[Math.min(i, values.length - 1)];
        }

        /** share of the most frequent value */
        double topShare() {
            return cumulative.length == 0 ? 0 : cumulative[0];
        }

        int size() {
            return values.length;
        }

        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x7feb352d;
            h ^= h >>> 15;
            return h;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** keyColumns: how many leading columns form the group key (the next column is the value, the last the count). */
    FrequencyTable(List<String[]> rows, int keyColumns, String shape, double s, double q) {
        Map<String, List<Entry>> byGroup = new LinkedHashMap<>();
        for (String[] row : rows) {
            String key = String.join("\t", Arrays.copyOfRange(row, 0, keyColumns));
            String value = String.join("\t", Arrays.copyOfRange(row, keyColumns, row.length - 1));
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(value, Long.parseLong(row[row.length - 1])));
        }
        byGroup.forEach((k, v) -> groups.put(k, new Group(v, shape, s, q)));
    }

    Group group(String key) {
        Group g = groups.get(key);
        if (g == null) {
            throw new IllegalStateException("frequency table has no group '" + key + "'; groups: " + groups.keySet());
        }
        return g;
    }

    boolean has(String key) {
        return groups.containsKey(key);
    }

    /** Rows of a table from a directory (if given and it holds the file) or from the classpath. */
    static List<String[]> read(String dir, String name) throws IOException {
        InputStream in;
        if (dir != null && !dir.isBlank() && Files.exists(Path.of(dir, name))) {
            in = Files.newInputStream(Path.of(dir, name));
        } else {
            in = FrequencyTable.class.getResourceAsStream("/frequencies/" + name);
            if (in == null) {
                throw new IOException("frequency table " + name + " not found (run the tables command first)");
            }
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    static Map<String, String> meta(String dir) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String[] row : read(dir, "meta.tsv")) {
            m.put(row[0], row[1]);
        }
        return m;
    }
}
