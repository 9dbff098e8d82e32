package org.asclepius.bench.mpi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asclepius.hms.patient.matching.FieldComparison;
import org.asclepius.hms.patient.matching.MatchCandidateData;
import org.asclepius.hms.patient.matching.MatchResult;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.patient.matching.PatientMatcher;

/**
 * Measures duplicate detection on the labelled set with the real {@link PatientMatcher}: blocks the records with
 * {@link PatientMatcher#blockingKeys}, compares every pair that shares a block once, and reports precision and
 * recall at PROBABLE-or-better (a true duplicate never compared counts as missed), recall per error type, false
 * positives per hard-negative type, comparisons against all pairs, and run time. Prints figures only, never
 * record contents or explanations.
 *
 * <p>Usage: {@code Evaluate <labelled-set dir> <report.md>}
 */
public final class Evaluate {
    /*
     * The thresholds are read from the hms-ejb jar at run time: as compile-time constants they would otherwise be
     * copied into this class when it is compiled and go stale when the jar changes.
     */
    private static final double CERTAIN_AT = threshold("CERTAIN_AT");
    private static final double PROBABLE_AT = threshold("PROBABLE_AT");
    private static final double POSSIBLE_AT = threshold("POSSIBLE_AT");

    private static double threshold(String name) {
        try {
            return PatientMatcher.class.getField(name).getDouble(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PatientMatcher has no public threshold " + name, e);
        }
    }
    private final List<String> ids = new ArrayList<>();
    private final List<MatchCandidateData> records = new ArrayList<>();
    /** match pairs (key = pairKey) → error types */
    private final Map<Long, String> matches = new HashMap<>();
    /** "cluster|cluster" of hard negatives → kind */
    private final Map<Long, String> hardNegatives = new HashMap<>();
    private int[] cluster;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Evaluate <labelled-set dir> <report.md>");
            System.exit(2);
        }
        new Evaluate().run(Path.of(args[0]), Path.of(args[1]));
    }

    private long pairKey(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return (long) a * records.size() + b;
    }

    void run(Path dir, Path reportFile) throws IOException {
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("labelled-set.properties"))) {
            meta.load(r);
        }
        long t0 = System.nanoTime();
        load(dir);
        long t1 = System.nanoTime();
        PatientMatcher matcher = PatientMatcher.standard();
        int n = records.size();

        // ---- blocking
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String key : matcher.blockingKeys(records.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        long[] pairs = candidatePairs(blocks);
        int largestBlock = blocks.values().stream().mapToInt(List::size).max().orElse(0);
        long t2 = System.nanoTime();

        // ---- comparing
        double[] scores = new double[pairs.length];
        for (int p = 0; p < pairs.length; p++) {
            int i = (int) (pairs[p] / n);
            int j = (int) (pairs[p] % n);
            scores[p] = matcher.compare(records.get(i), records.get(j)).score();
        }
        long t3 = System.nanoTime();

        // ---- scoring against the truth
        Map<Long, Double> matchScores = new HashMap<>();
        Map<String, Counter> hardByKind = new TreeMap<>();
        for (String kind : List.of("twin", "relative", "same-name-dob")) {
            hardByKind.put(kind, new Counter());
        }
        List<Double> nonMatchScores = new ArrayList<>();
        List<String> nonMatchKinds = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            if (matches.containsKey(pairs[p])) {
                matchScores.put(pairs[p], scores[p]);
            } else {
                int i = (int) (pairs[p] / n);
                int j = (int) (pairs[p] % n);
                String kind = hardNegatives.getOrDefault(clusterKey(i, j), "other");
                nonMatchScores.add(scores[p]);
                nonMatchKinds.add(kind);
            }
        }
        // hard negatives as listed in truth.csv (one per generated twin/relative/namesake)
        for (Map.Entry<Long, String> e : hardNegativesListed.entrySet()) {
            Counter c = hardByKind.computeIfAbsent(e.getValue(), k -> new Counter());
            c.total++;
            int idx = Arrays.binarySearch(pairs, e.getKey());
            if (idx >= 0) {
                c.compared++;
                MatchGrade g = PatientMatcher.gradeOf(scores[idx]);
                if (g.isAtLeast(MatchGrade.PROBABLE)) {
                    c.probable++;
                }
                if (g.isAtLeast(MatchGrade.POSSIBLE)) {
                    c.possible++;
                }
                c.maxScore = Math.max(c.maxScore, scores[idx]);
            }
        }

        Quality atProbable = quality(PROBABLE_AT, matchScores, nonMatchScores);
        Quality atCertain = quality(CERTAIN_AT, matchScores, nonMatchScores);
        Quality atPossible = quality(POSSIBLE_AT, matchScores, nonMatchScores);

        // false positives at PROBABLE by the relation of the two records
        Map<String, Integer> fpByKind = new TreeMap<>();
        for (int k = 0; k < nonMatchScores.size(); k++) {
            if (nonMatchScores.get(k) >= PROBABLE_AT) {
                fpByKind.merge(nonMatchKinds.get(k), 1, Integer::sum);
            }
        }

        // recall per error type and per number of errors
        Map<String, Counter> byError = new TreeMap<>();
        Map<String, Counter> byErrorCount = new TreeMap<>();
        int blockedMatches = 0;
        for (Map.Entry<Long, String> e : matches.entrySet()) {
            Double score = matchScores.get(e.getKey());
            String[] types = e.getValue().isEmpty() ? new String[] {"(none)"} : e.getValue().split(";");
            List<Counter> counters = new ArrayList<>();
            for (String t : types) {
                counters.add(byError.computeIfAbsent(t, k -> new Counter()));
            }
            counters.add(byErrorCount.computeIfAbsent(types.length + " error" + (types.length == 1 ? "" : "s"),
                    k -> new Counter()));
            if (score != null) {
                blockedMatches++;
            }
            for (Counter c : counters) {
                c.total++;
                if (score != null) {
                    c.compared++;
                    if (score >= PROBABLE_AT) {
                        c.probable++;
                    }
                    if (score >= POSSIBLE_AT) {
                        c.possible++;
                    }
                }
            }
        }

        long allPairs = (long) n * (n - 1) / 2;
        double compareSeconds = (t3 - t2) / 1e9;
        double rate = pairs.length / Math.max(compareSeconds, 1e-9);
        Report report = new Report();
        report.line("# Duplicate detection quality (bench/mpi-quality)");
        report.line("");
        report.line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ".");
        report.line("");
        report.line("Labelled set: seed **" + meta.getProperty("seed") + "**, national-ID coverage "
                + meta.getProperty("national_id_coverage", "1.0") + ", " + n + " records ("
                + meta.getProperty("synthea_patients") + " Synthea patients, " + meta.getProperty("duplicates")
                + " duplicates, " + meta.getProperty("twins") + " twins, " + meta.getProperty("relatives")
                + " relatives, " + meta.getProperty("same_name_dob") + " namesakes born the same day); "
                + matches.size() + " true duplicate pairs.");
        report.line("");
        report.line(String.format(Locale.ROOT, "Thresholds (fixed in PatientMatcher): CERTAIN ≥ %.1f, PROBABLE ≥ %.1f,"
                + " POSSIBLE ≥ %.1f.", CERTAIN_AT, PROBABLE_AT,
                POSSIBLE_AT));
        report.line("");
        report.line("## Result at PROBABLE or better (the operating point)");
        report.line("");
        report.line("| measure | value | target |");
        report.line("|---|---:|---:|");
        report.line(String.format(Locale.ROOT, "| precision | %.4f | ≥ 0.95 %s |", atProbable.precision(),
                atProbable.precision() >= 0.95 ? "✔" : "✘ missed"));
        report.line(String.format(Locale.ROOT, "| recall (pairs lost to blocking count as missed) | %.4f | ≥ 0.90 %s |",
                atProbable.recall(), atProbable.recall() >= 0.90 ? "✔" : "✘ missed"));
        report.line(String.format(Locale.ROOT, "| true positives / false positives / missed | %d / %d / %d | |",
                atProbable.tp, atProbable.fp, atProbable.fn));
        report.line(String.format(Locale.ROOT, "| blocking recall (true pairs sharing a block) | %.4f (%d of %d) | |",
                blockedMatches / (double) matches.size(), blockedMatches, matches.size()));
        report.line("");
        report.line("| grade threshold | precision | recall | TP | FP |");
        report.line("|---|---:|---:|---:|---:|");
        for (Object[] row : new Object[][] {{"CERTAIN", atCertain}, {"PROBABLE", atProbable},
            {"POSSIBLE", atPossible}}) {
            Quality q = (Quality) row[1];
            report.line(String.format(Locale.ROOT, "| %s or better | %.4f | %.4f | %d | %d |", row[0], q.precision(),
                    q.recall(), q.tp, q.fp));
        }
        report.line("");
        report.line("## Recall per error type (a duplicate with two errors counts under both)");
        report.line("");
        report.line("| error type | duplicate pairs | compared (blocking) | recall at PROBABLE | at POSSIBLE |");
        report.line("|---|---:|---:|---:|---:|");
        byError.forEach((type, c) -> report.line(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |", type,
                c.total, c.compared, c.probable / (double) c.total, c.possible / (double) c.total)));
        byErrorCount.forEach((type, c) -> report.line(String.format(Locale.ROOT, "| *%s* | %d | %d | %.3f | %.3f |",
                type, c.total, c.compared, c.probable / (double) c.total, c.possible / (double) c.total)));
        report.line("");
        report.line("## Hard negatives");
        report.line("");
        report.line("| kind | pairs | compared (blocking) | scored PROBABLE+ (false positive) | scored POSSIBLE+ |"
                + " highest score |");
        report.line("|---|---:|---:|---:|---:|---:|");
        hardByKind.forEach((kind, c) -> report.line(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f |",
                kind, c.total, c.compared, c.probable, c.possible, c.compared == 0 ? Double.NaN : c.maxScore)));
        report.line("");
        report.line("False positives at PROBABLE by relation of the two records (twin/relative/namesake also when one "
                + "side is a duplicate record of the person): " + (fpByKind.isEmpty() ? "none" : fpByKind) + ".");
        report.line("");
        report.line("## Blocking and run time");
        report.line("");
        report.line("| measure | value |");
        report.line("|---|---:|");
        report.line(String.format(Locale.ROOT, "| records | %d |", n));
        report.line(String.format(Locale.ROOT, "| all pairs n(n-1)/2 | %,d |", allPairs));
        report.line(String.format(Locale.ROOT, "| blocks (distinct keys) / largest block | %,d / %d |", blocks.size(),
                largestBlock));
        report.line(String.format(Locale.ROOT, "| comparisons (distinct pairs sharing a block) | %,d |", pairs.length));
        report.line(String.format(Locale.ROOT, "| reduction | %.4f %% of all pairs compared (%.0f× fewer) |",
                100.0 * pairs.length / allPairs, allPairs / (double) Math.max(1, pairs.length)));
        report.line(String.format(Locale.ROOT, "| load CSV | %.2f s |", (t1 - t0) / 1e9));
        report.line(String.format(Locale.ROOT, "| blocking | %.2f s |", (t2 - t1) / 1e9));
        report.line(String.format(Locale.ROOT, "| comparing | %.2f s (%,.0f comparisons/s) |", compareSeconds, rate));
        report.line(String.format(Locale.ROOT, "| all pairs at that rate would take | %.0f s |", allPairs / rate));
        report.line(String.format(Locale.ROOT, "| total | %.2f s |", (System.nanoTime() - t0) / 1e9));
        report.line("");
        report.line("## Precision and recall by threshold (for reading only: the thresholds above are fixed in code)");
        report.line("");
        report.line("| score ≥ | precision | recall | FP |");
        report.line("|---:|---:|---:|---:|");
        for (int t = 8; t <= 34; t++) {
            Quality q = quality(t, matchScores, nonMatchScores);
            report.line(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %d |", t, q.precision(), q.recall(), q.fp));
        }
        report.line("");
        report.line("## Where the errors are: field agreement of missed duplicates and of false positives");
        report.line("");
        report.line("Agreement per field (family, given, middle, sex, date of birth, phone, address, national ID):"
                + " E exact, P partial, D disagree, - missing. No record contents.");
        report.line("");
        report.line("| pattern of missed duplicates (compared, below PROBABLE) | pairs | | pattern of false positives | pairs |");
        report.line("|---|---:|---|---|---:|");
        List<Map.Entry<String, Integer>> missed = topPatterns(matcher, matchScores.entrySet().stream()
                .filter(e -> e.getValue() < PROBABLE_AT).map(Map.Entry::getKey).toList());
        List<Long> fpPairs = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            if (!matches.containsKey(pairs[p]) && scores[p] >= PROBABLE_AT) {
                fpPairs.add(pairs[p]);
            }
        }
        List<Map.Entry<String, Integer>> falsePositives = topPatterns(matcher, fpPairs);
        for (int k = 0; k < Math.max(missed.size(), falsePositives.size()); k++) {
            String m = k < missed.size() ? "`" + missed.get(k).getKey() + "` | " + missed.get(k).getValue() : " | ";
            String f = k < falsePositives.size()
                    ? "`" + falsePositives.get(k).getKey() + "` | " + falsePositives.get(k).getValue() : " | ";
            report.line("| " + m + " | | " + f + " |");
        }
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report.text(), StandardCharsets.UTF_8);
        System.out.println(report.text());
        System.out.println("report written to " + reportFile);
    }

    /** The ten most frequent field-agreement patterns among the pairs, most frequent first. */
    private List<Map.Entry<String, Integer>> topPatterns(PatientMatcher matcher, List<Long> pairKeys) {
        Map<String, Integer> counts = new HashMap<>();
        int n = records.size();
        for (long key : pairKeys) {
            MatchResult r = matcher.compare(records.get((int) (key / n)), records.get((int) (key % n)));
            StringBuilder pattern = new StringBuilder();
            for (FieldComparison f : r.fields()) {
                pattern.append(switch (f.agreement()) {
                    case EXACT -> 'E';
                    case PARTIAL -> 'P';
                    case DISAGREE -> 'D';
                    case MISSING -> '-';
                });
            }
            counts.merge(pattern.toString(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).toList();
    }

    private Quality quality(double threshold, Map<Long, Double> matchScores, List<Double> nonMatchScores) {
        Quality q = new Quality();
        for (Double s : matchScores.values()) {
            if (s >= threshold) {
                q.tp++;
            }
        }
        q.fn = matches.size() - q.tp;
        for (Double s : nonMatchScores) {
            if (s >= threshold) {
                q.fp++;
            }
        }
        return q;
    }

    private long clusterKey(int i, int j) {
        int a = Math.min(cluster[i], cluster[j]);
        int b = Math.max(cluster[i], cluster[j]);
        return (long) a * records.size() + b;
    }

    /** Every pair of records sharing at least one block, each once, sorted. */
    private long[] candidatePairs(Map<String, List<Integer>> blocks) {
        long total = 0;
        for (List<Integer> b : blocks.values()) {
            total += (long) b.size() * (b.size() - 1) / 2;
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (List<Integer> b : blocks.values()) {
            for (int x = 0; x < b.size(); x++) {
                for (int y = x + 1; y < b.size(); y++) {
                    all[k++] = pairKey(b.get(x), b.get(y));
                }
            }
        }
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[unique++] = all[i];
            }
        }
        return Arrays.copyOf(all, unique);
    }

    private final Map<Long, String> hardNegativesListed = new HashMap<>();

    private void load(Path dir) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, Integer> index = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("records.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                index.put(r.get("record_id"), ids.size());
                ids.add(r.get("record_id"));
                String dob = r.get("birth_date");
                records.add(new MatchCandidateData(r.get("family_name"), r.get("given_name"), r.get("middle_name"),
                        r.get("maiden_name"), r.get("sex"), dob.isEmpty() ? null : LocalDate.parse(dob),
                        r.get("phone"), r.get("address_line"), r.get("city"), r.get("postal_code"),
                        r.get("national_id")));
            }
        }
        cluster = new int[records.size()];
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = i;
        }
        List<int[]> hard = new ArrayList<>();
        List<String> hardKinds = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                int a = index.get(r.get("record_a"));
                int b = index.get(r.get("record_b"));
                if ("match".equals(r.get("label"))) {
                    matches.put(pairKey(a, b), r.get("error_types"));
                    union(a, b);
                } else {
                    hard.add(new int[] {a, b});
                    hardKinds.add(r.get("kind"));
                }
            }
        }
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = find(i);
        }
        for (int k = 0; k < hard.size(); k++) {
            int a = hard.get(k)[0];
            int b = hard.get(k)[1];
            hardNegatives.put(clusterKey(a, b), hardKinds.get(k));
            hardNegativesListed.put(pairKey(a, b), hardKinds.get(k));
        }
    }

    private int find(int i) {
        while (cluster[i] != i) {
            cluster[i] = cluster[cluster[i]];
            i = cluster[i];
        }
        return i;
    }

    private void union(int a, int b) {
        cluster[find(a)] = find(b);
    }

    static final class Counter {
        int total;
        int compared;
        int probable;
        int possible;
        double maxScore = Double.NEGATIVE_INFINITY;
    }

    static final class Quality {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }
    }

    static final class Report {
        private final StringBuilder sb = new StringBuilder();

        void line(String s) {
            sb.append(s).append('\n');
        }

        String text() {
            return sb.toString();
        }
    }
}
