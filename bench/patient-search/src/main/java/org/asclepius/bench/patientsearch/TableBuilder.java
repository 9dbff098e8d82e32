package org.asclepius.bench.patientsearch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asclepius.bench.common.Args;

/**
 * Builds the frequency tables the loader samples from, out of a Synthea {@code patients.csv}: given names by sex
 * and ethnicity (first and middle names), family names by ethnicity (last and maiden names), street names,
 * city / state / postal code, and a few shares (middle name, Hispanic, address unit). Synthea's digits are
 * stripped from names. Synthea writes postal code 00000 for towns it has no ZIP for (a quarter of its
 * Massachusetts people); those get the code of the nearest place that has one, from Synthea's own
 * {@code geography/zipcodes.csv} (read from its jar as data, never loaded as code).
 */
final class TableBuilder {
    private static final Pattern ADDRESS = Pattern.compile("^\\s*(\\d+)\\s+(.*?)(?:\\s+(Unit|Apt|Suite)\\s+(\\d+))?\\s*$");

    private TableBuilder() {
    }

    static void run(Args args) throws IOException {
        Path csv = Path.of(args.get("synthea", "synthea/target/run/output/csv/patients.csv", "Synthea patients.csv"));
        String jar = args.get("synthea-jar", "synthea/target/lib/synthea-3.3.0.jar",
                "Synthea jar, for geography/zipcodes.csv (empty: do not resolve ZIP 00000)");
        Path out = Path.of(args.get("out", "src/main/resources/frequencies", "directory for the .tsv tables"));
        String source = args.get("source", "Synthea 3.3.0", "what to write as the source in meta.tsv");
        args.done("java -jar target/patient-search-bench.jar tables", "Builds frequency tables from Synthea output.");

        Map<String, Long> given = new TreeMap<>();
        Map<String, Long> family = new TreeMap<>();
        Map<String, Long> street = new TreeMap<>();
        Map<String, Long> secondary = new TreeMap<>();
        Map<String, Long> cityRaw = new TreeMap<>();
        long people = 0;
        long hispanic = 0;
        long female = 0;
        long withMiddle = 0;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                people++;
                String sex = rec.get("GENDER").trim().toUpperCase();
                String eth = rec.get("ETHNICITY").trim().toLowerCase();
                if (eth.equals("hispanic")) {
                    hispanic++;
                }
                if (sex.equals("F")) {
                    female++;
                }
                add(given, sex + "\t" + eth, clean(rec.get("FIRST")));
                String middle = clean(rec.get("MIDDLE"));
                if (!middle.isEmpty()) {
                    withMiddle++;
                    add(given, sex + "\t" + eth, middle);
                }
                add(family, eth, clean(rec.get("LAST")));
                add(family, eth, clean(rec.get("MAIDEN")));
                Matcher m = ADDRESS.matcher(rec.get("ADDRESS"));
                if (m.matches()) {
                    add(street, null, m.group(2));
                    add(secondary, null, m.group(3) == null ? "none" : m.group(3));
                }
                add(cityRaw, rec.get("STATE").trim() + "\t" + rec.get("CITY").trim(), rec.get("ZIP").trim());
            }
        }
        Map<String, Long> city = resolveZips(cityRaw, jar.isBlank() ? null : Path.of(jar));

        Files.createDirectories(out);
        String header = "# derived from " + source + " output: " + people + " people, " + LocalDate.now()
                + " (bench/patient-search: java -jar target/patient-search-bench.jar tables)\n";
        write(out.resolve("given.tsv"), header + "# sex\tethnicity\tname\tcount (first and middle names)\n", given);
        write(out.resolve("family.tsv"), header + "# ethnicity\tname\tcount (last and maiden names)\n", family);
        write(out.resolve("street.tsv"), header + "# street\tcount\n", street);
        write(out.resolve("secondary.tsv"), header + "# address unit kind\tcount\n", secondary);
        write(out.resolve("city.tsv"), header + "# state\tcity\tpostal_code\tcount\n", city);
        try (Writer w = Files.newBufferedWriter(out.resolve("meta.tsv"), StandardCharsets.UTF_8)) {
            w.write(header);
            w.write("people\t" + people + "\n");
            w.write("female_share\t" + share(female, people) + "\n");
            w.write("hispanic_share\t" + share(hispanic, people) + "\n");
            w.write("middle_name_share\t" + share(withMiddle, people) + "\n");
        }
        System.out.printf("%d people -> %d given names, %d family names, %d streets, %d city/postal codes in %s%n",
                people, given.size(), family.size(), street.size(), city.size(), out);
    }

    /** Synthea appends digits to names (Joana79); people do not. */
    static String clean(String name) {
        return name == null ? "" : name.replaceAll("\\d", "").replaceAll("\\s+", " ").trim();
    }

    private static void add(Map<String, Long> counts, String prefix, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        counts.merge(prefix == null ? value : prefix + "\t" + value, 1L, Long::sum);
    }

    private static String share(long part, long whole) {
        return String.format(java.util.Locale.ROOT, "%.4f", whole == 0 ? 0.0 : (double) part / whole);
    }

    /** state\tcity\tzip -> count, with 00000 replaced by the town's real codes (count spread evenly). */
    private static Map<String, Long> resolveZips(Map<String, Long> raw, Path synthea) throws IOException {
        Map<String, List<String>> zcta = new HashMap<>();
        Map<String, String> stateCode = new HashMap<>();
        Map<String, double[]> location = new HashMap<>();
        Map<String, String> nearest = new HashMap<>();
        List<Object[]> coded = new ArrayList<>();
        if (synthea != null && Files.exists(synthea)) {
            try (ZipFile zip = new ZipFile(synthea.toFile());
                 Reader r = new InputStreamReader(zip.getInputStream(zip.getEntry("geography/zipcodes.csv")),
                         StandardCharsets.UTF_8)) {
                // its first column has no name
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setAllowMissingColumnNames(true).get().parse(r)) {
                    stateCode.put(rec.get("USPS"), rec.get("ST"));
                    String town = rec.get("USPS") + "\t" + rec.get("NAME");
                    double[] at = {Double.parseDouble(rec.get("LAT")), Double.parseDouble(rec.get("LON"))};
                    location.putIfAbsent(town, at);
                    if (!rec.get("ZCTA5").isBlank()) {
                        zcta.computeIfAbsent(town, k -> new ArrayList<>()).add(rec.get("ZCTA5"));
                        coded.add(new Object[] {rec.get("USPS"), at, rec.get("ZCTA5")});
                    }
                }
            }
            // Synthea has no ZIP for many small towns: take the nearest coded place in the same state
            for (String town : location.keySet()) {
                if (!zcta.containsKey(town)) {
                    String state = town.substring(0, town.indexOf('\t'));
                    double[] at = location.get(town);
                    String best = null;
                    double bestD = Double.MAX_VALUE;
                    for (Object[] c : coded) {
                        double[] p = (double[]) c[1];
                        double d = Math.pow(p[0] - at[0], 2) + Math.pow((p[1] - at[1]) * Math.cos(Math.toRadians(at[0])), 2);
                        if (c[0].equals(state) && d < bestD) {
                            bestD = d;
                            best = (String) c[2];
                        }
                    }
                    if (best != null) {
                        nearest.put(town, best);
                    }
                }
            }
        }
        Map<String, Map<String, Long>> byTown = new TreeMap<>();
        raw.forEach((key, n) -> {
            int tab = key.lastIndexOf('\t');
            byTown.computeIfAbsent(key.substring(0, tab), k -> new TreeMap<>()).merge(key.substring(tab + 1), n, Long::sum);
        });
        Map<String, Long> out = new TreeMap<>();
        byTown.forEach((town, zips) -> {
            String state = town.substring(0, town.indexOf('\t'));
            String townOut = stateCode.getOrDefault(state, state) + town.substring(town.indexOf('\t'));
            Long unknown = zips.remove("00000");
            zips.forEach((z, n) -> out.merge(townOut + "\t" + z, n, Long::sum));
            if (unknown != null) {
                List<String> real = !zips.isEmpty() ? new ArrayList<>(zips.keySet())
                        : zcta.containsKey(town) ? new ArrayList<>(zcta.get(town))
                        : nearest.containsKey(town) ? new ArrayList<>(List.of(nearest.get(town))) : List.of();
                if (real.isEmpty()) {
                    out.merge(townOut + "\t", unknown, Long::sum);
                } else {
                    real.sort(Comparator.naturalOrder());
                    for (int i = 0; i < real.size(); i++) {
                        long part = unknown / real.size() + (i < unknown % real.size() ? 1 : 0);
                        if (part > 0) {
                            out.merge(townOut + "\t" + real.get(i), part, Long::sum);
                        }
                    }
                }
            }
        });
        return out;
    }

    private static void write(Path file, String header, Map<String, Long> counts) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                w.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
    }
}
