package org.asclepius.bench.patientsearch;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.asclepius.bench.common.Args;
import org.asclepius.bench.common.ClientCredentials;

/**
 * The search benchmark. For each concurrency level (default 1, 5, 20 clients) and each of several runs, the same
 * sequence of searches is sent at the same fixed arrival rate first to the app (FHIR over HTTP) and then, as the
 * floor, as the SQL the app ran for each of them (captured once from PostgreSQL, see {@link SqlCapture}) over
 * JDBC. Prints p50/p95/p99 per level (medians over the runs), the achieved rates, errors, the ratio app p95 /
 * SQL p95, a breakdown per kind of search, and EXPLAIN ANALYZE of the slowest search of each kind.
 */
final class SearchBenchmark {
    private SearchBenchmark() {
    }

    static void run(Args args) throws Exception {
        String fhirUrl = args.get("fhir-url", "http://localhost:8080/hms/fhir", "FHIR base URL of the app");
        ClientCredentials credentials = ClientCredentials.from(args);
        String jdbcUrl = args.get("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/hms_bench", "the app's database");
        String dbUser = args.get("db-user", "hms", "database user for the floor (the app's)");
        String dbPassword = args.get("db-password", "hms", "its password");
        String adminUser = args.get("admin-user", "postgres", "superuser: statement logging, closing the app's sessions, reading the log");
        String adminPassword = args.get("admin-password", "", "its password (trust auth here)");
        String pgLog = args.get("pg-log", "", "PostgreSQL server log file (empty: detected)");
        String levelsOpt = args.get("clients", "1,5,20", "concurrency levels (client threads)");
        String ratesOpt = args.get("rates", "", "arrival rate per level, req/s (default: clients x --rate-per-client)");
        double perClient = args.getDouble("rate-per-client", 4, "arrival rate per client, req/s");
        int runs = args.getInt("runs", 3, "measured runs per level and target");
        double seconds = args.getDouble("duration", 30, "seconds per run");
        double warmup = args.getDouble("warmup", 10, "seconds of warm-up per level and target (not measured)");
        long maxRequests = Long.parseLong(args.get("max-requests", "20000", "at most this many requests per run"));
        int queryCount = args.getInt("queries", 600, "distinct searches drawn from the data");
        String mix = args.get("mix", QueryMix.DEFAULT_MIX, "kinds of search and their weights");
        long seed = Long.parseLong(args.get("seed", "7", "random seed for the searches and their order"));
        int timeoutSeconds = args.getInt("timeout", 10, "per-request timeout, seconds");
        int poolValidation = args.getInt("pool-validation-seconds", 10, "the app pool's background validation interval");
        boolean noFloor = args.flag("no-floor", "measure the app only (no SQL capture, no floor)");
        boolean noExplain = args.flag("no-explain", "skip EXPLAIN ANALYZE of the slowest searches");
        String outDir = args.get("out", "target/results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")),
                "directory for the report, captured SQL, plans and raw samples");
        args.done("java -jar target/patient-search-bench.jar search", "Search benchmark: FHIR Patient search at a fixed arrival rate, beside the same SQL over JDBC.");

        int[] levels = Arrays.stream(levelsOpt.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        double[] rates = new double[levels.length];
        String[] rateParts = ratesOpt.isBlank() ? new String[0] : ratesOpt.split(",");
        for (int i = 0; i < levels.length; i++) {
            rates[i] = i < rateParts.length ? Double.parseDouble(rateParts[i].trim()) : levels[i] * perClient;
        }
        String loadAtStart = loadAverage();
        Path out = Path.of(outDir);
        Files.createDirectories(out);
        Report report = new Report();
        report.line("# Patient search benchmark, " + LocalDateTime.now().withNano(0) + " (" + Runtime.getRuntime()
                .availableProcessors() + " cores, " + System.getProperty("os.name") + ")");

        Properties p = new Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        p.setProperty("ApplicationName", "patient-search-bench");
        List<BenchQuery> queries;
        try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
            report.line("data: " + describeData(c));
            queries = QueryMix.build(c, queryCount, QueryMix.parseMix(mix), seed);
        }
        report.line("searches: " + queries.size() + " drawn from the data (seed " + seed + "), mix " + mix);

        try (AppTarget app = new AppTarget(fhirUrl, credentials, Duration.ofSeconds(timeoutSeconds));
             SqlTarget floor = new SqlTarget(jdbcUrl, dbUser, dbPassword)) {
            if (!noFloor) {
                capture(app, queries, jdbcUrl, adminUser, adminPassword, pgLog, poolValidation, report, out);
                List<BenchQuery> captured = queries.stream().filter(q -> q.sql != null && !q.sql.isEmpty()).toList();
                if (captured.size() < queries.size()) {
                    report.line("WARNING: no SQL captured for " + (queries.size() - captured.size())
                            + " searches; they are left out of both app and floor runs");
                }
                queries = reindex(captured);
            }
            List<LevelResult> results = new ArrayList<>();
            try (PrintWriter samples = new PrintWriter(Files.newBufferedWriter(out.resolve("samples.csv"), StandardCharsets.UTF_8))) {
                samples.println("clients,run,target,kind,query,latency_ms,ok,hits,rank");
                for (int li = 0; li < levels.length; li++) {
                    int clients = levels[li];
                    double rate = rates[li];
                    SplittableRandom orderRandom = new SplittableRandom(seed * 31 + clients);
                    System.out.printf(Locale.ROOT, "%n== %d client(s), %.1f req/s: warm-up %.0f s%n", clients, rate, warmup);
                    int[] warmOrder = order(queries.size(), orderRandom);
                    LoadRunner.run(app, queries, warmOrder, clients, rate, warmup, maxRequests);
                    if (!noFloor) {
                        LoadRunner.run(floor, queries, warmOrder, clients, rate, warmup, maxRequests);
                    }
                    LevelResult level = new LevelResult(clients, rate);
                    for (int r = 1; r <= runs; r++) {
                        int[] runOrder = order(queries.size(), orderRandom);
                        LoadRunner.Result a = LoadRunner.run(app, queries, runOrder, clients, rate, seconds, maxRequests);
                        level.app.add(a);
                        write(samples, clients, r, "app", a);
                        String line = String.format(Locale.ROOT, "run %d: app %s", r, brief(a));
                        if (!noFloor) {
                            LoadRunner.Result f = LoadRunner.run(floor, queries, runOrder, clients, rate, seconds, maxRequests);
                            level.sql.add(f);
                            write(samples, clients, r, "sql", f);
                            line += String.format(Locale.ROOT, " | SQL %s", brief(f));
                        }
                        System.out.println(line);
                        firstErrors(a).forEach(e -> System.out.println("   app error: " + e));
                    }
                    results.add(level);
                    System.out.println("load average (1/5/15 min): " + loadAverage());
                }
            }
            report.line("machine load average (1/5/15 min) at start " + loadAtStart + ", at end " + loadAverage()
                    + " (the 2 cores are shared with whatever else runs)");
            report.results(results, !noFloor);
            if (!noFloor && !noExplain) {
                explainSlowest(results, queries, floor, report, out);
            }
        }
        Files.writeString(out.resolve("summary.md"), report.text(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report.text());
        System.out.println("(report, captured SQL, plans and raw samples in " + out + ")");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void capture(AppTarget app, List<BenchQuery> queries, String jdbcUrl, String adminUser,
                                String adminPassword, String pgLog, int poolValidation, Report report, Path out)
            throws Exception {
        Properties ap = new Properties();
        ap.setProperty("user", adminUser);
        ap.setProperty("password", adminPassword);
        ap.setProperty("ApplicationName", "patient-search-bench-admin");
        System.out.println("capturing the SQL the app runs for each search (statement logging on for this database only)");
        long t0 = System.nanoTime();
        try (Connection admin = DriverManager.getConnection(jdbcUrl, ap)) {
            SqlCapture capture = new SqlCapture(admin, pgLog);
            try {
                renewAppSessions(capture, app, queries.get(0), poolValidation, capture.alteredAt());
                int found = 0;
                for (BenchQuery q : queries) {
                    List<SqlCapture.Captured> sql = List.of();
                    for (int attempt = 0; attempt < 3 && sql.isEmpty(); attempt++) {
                        long from = capture.logSize();
                        LoadRunner.Outcome o;
                        try {
                            o = app.search(q);
                        } catch (Exception e) {
                            o = new LoadRunner.Outcome(false, -1, -1, e.toString());
                        }
                        if (!o.ok()) {
                            continue;
                        }
                        sql = SqlCapture.parse(capture.readLog(from, capture.logSize()));
                    }
                    q.sql = sql;
                    found += sql.isEmpty() ? 0 : 1;
                }
                System.out.printf(Locale.ROOT, "captured the SQL of %d of %d searches from %s in %.0f s%n", found,
                        queries.size(), capture.logFile(), (System.nanoTime() - t0) / 1e9);
            } finally {
                capture.resetLogging();
                System.out.println("statement logging off again; renewing the app's sessions");
                renewAppSessions(capture, app, queries.get(0), poolValidation, System.currentTimeMillis());
            }
        }
        // the shapes of SQL per kind, with one example each
        Map<String, Map<String, BenchQuery>> shapes = new TreeMap<>();
        for (BenchQuery q : queries) {
            if (q.sql != null && !q.sql.isEmpty()) {
                String shape = q.sql.stream().map(SqlCapture.Captured::sql).collect(Collectors.joining(";\n"));
                shapes.computeIfAbsent(q.kind, k -> new LinkedHashMap<>()).putIfAbsent(shape, q);
            }
        }
        StringBuilder sb = new StringBuilder();
        shapes.forEach((kind, m) -> m.forEach((shape, q) -> {
            sb.append("-- ").append(kind).append(": e.g. Patient?").append(q.fhirQuery).append('\n');
            for (SqlCapture.Captured c : q.sql) {
                sb.append(c.sql()).append(";\n--   parameters: ").append(c.parameters()).append('\n');
            }
            sb.append('\n');
        }));
        Files.writeString(out.resolve("captured-sql.txt"), sb.toString(), StandardCharsets.UTF_8);
        int distinct = shapes.values().stream().mapToInt(Map::size).sum();
        report.line("floor: the SQL each search ran in the app, captured from PostgreSQL's statement log ("
                + distinct + " distinct statement sequences, in captured-sql.txt), replayed over JDBC");
    }

    /**
     * Closes the app's database sessions and waits until its pool works on new ones only: the pool drops the dead
     * connections at its next background validation; probes then make it open new ones.
     */
    private static void renewAppSessions(SqlCapture capture, AppTarget app, BenchQuery probe, int poolValidation,
                                         long since) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int closed = capture.closeAppSessions();
        Thread.sleep((poolValidation + 2) * 1000L);
        int ok = 0;
        while (System.currentTimeMillis() < deadline) {
            boolean success;
            try {
                success = app.search(probe).ok();
            } catch (Exception e) {
                success = false;
            }
            ok = success ? ok + 1 : 0;
            int old = capture.appSessionsOlderThan(since);
            if (old > 0) {
                closed += capture.closeAppSessions();
                ok = 0;
                Thread.sleep((poolValidation + 2) * 1000L);
            } else if (ok >= 5) {
                System.out.println("  app sessions renewed (" + closed + " closed)");
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app's connection pool did not renew its sessions within 120 s");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void explainSlowest(List<LevelResult> results, List<BenchQuery> queries, SqlTarget floor,
                                       Report report, Path out) throws Exception {
        // mean floor latency per search over every run, the slowest of each kind
        Map<Integer, double[]> perQuery = new TreeMap<>();
        for (LevelResult l : results) {
            for (LoadRunner.Result r : l.sql) {
                for (LoadRunner.Sample s : r.samples()) {
                    double[] acc = perQuery.computeIfAbsent(s.queryIndex(), k -> new double[2]);
                    acc[0] += s.latencyNanos() / 1e6;
                    acc[1]++;
                }
            }
        }
        Map<String, BenchQuery> slowest = new TreeMap<>();
        Map<String, Double> slowestMs = new TreeMap<>();
        perQuery.forEach((i, acc) -> {
            BenchQuery q = queries.get(i);
            double mean = acc[0] / acc[1];
            if (mean > slowestMs.getOrDefault(q.kind, -1.0)) {
                slowestMs.put(q.kind, mean);
                slowest.put(q.kind, q);
            }
        });
        StringBuilder plans = new StringBuilder();
        report.line("");
        report.line("## EXPLAIN ANALYZE of the slowest search of each kind (plans in explain.txt)");
        report.line("");
        report.line("| kind | search | mean SQL ms in the runs | execution time now | plan (top nodes) |");
        report.line("|---|---|---|---|---|");
        try (Connection c = floor.connect()) {
            for (Map.Entry<String, BenchQuery> e : slowest.entrySet()) {
                BenchQuery q = e.getValue();
                plans.append("=== ").append(e.getKey()).append(": Patient?").append(q.fhirQuery).append('\n');
                String execution = "";
                List<String> nodes = new ArrayList<>();
                try {
                    for (SqlCapture.Captured captured : q.sql) {
                        SqlTarget.Prepared prepared = SqlTarget.Prepared.of(captured);
                        boolean explain = !captured.sql().toLowerCase(Locale.ROOT).startsWith("select set_config");
                        String sql = explain ? "explain (analyze, buffers) " + prepared.sql() : prepared.sql();
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            SqlTarget.bind(ps, prepared.parameters());
                            try (ResultSet rs = ps.executeQuery()) {
                                if (explain) {
                                    plans.append("-- ").append(captured.sql()).append("\n--   parameters: ")
                                            .append(captured.parameters()).append('\n');
                                }
                                while (rs.next()) {
                                    if (explain) {
                                        String line = rs.getString(1);
                                        plans.append(line).append('\n');
                                        if (line.startsWith("Execution Time")) {
                                            execution += (execution.isEmpty() ? "" : " + ")
                                                    + line.replace("Execution Time: ", "");
                                        } else if (nodes.size() < 3 && line.contains("(cost=")) {
                                            nodes.add(line.trim().replaceAll("^->\\s*", "").replaceAll("\\s*\\(cost=.*", ""));
                                        }
                                    }
                                }
                            }
                        }
                    }
                    c.commit();
                } catch (SQLException ex) {
                    c.rollback();
                    plans.append("failed: ").append(ex.getMessage()).append('\n');
                }
                plans.append('\n');
                report.line(String.format(Locale.ROOT, "| %s | `%s` | %.1f | %s | %s |", e.getKey(),
                        java.net.URLDecoder.decode(q.fhirQuery, StandardCharsets.UTF_8), slowestMs.get(e.getKey()),
                        execution, String.join(" / ", nodes)));
            }
        }
        Files.writeString(out.resolve("explain.txt"), plans.toString(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------

    static final class LevelResult {
        final int clients;
        final double rate;
        final List<LoadRunner.Result> app = new ArrayList<>();
        final List<LoadRunner.Result> sql = new ArrayList<>();

        LevelResult(int clients, double rate) {
            this.clients = clients;
            this.rate = rate;
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

        void results(List<LevelResult> levels, boolean floor) {
            line("");
            line("## Latency (ms; each figure the median over the runs; latency counted from when a request was due)");
            line("");
            line("| clients | rate req/s (target / achieved) | requests | errors | app p50 | app p95 | app p99 |"
                    + (floor ? " SQL p50 | SQL p95 | SQL p99 | app p95 / SQL p95 |" : ""));
            line("|---|---|---|---|---|---|---|" + (floor ? "---|---|---|---|" : ""));
            for (LevelResult l : levels) {
                double ap50 = median(l.app, 50), ap95 = median(l.app, 95), ap99 = median(l.app, 99);
                String row = String.format(Locale.ROOT, "| %d | %.1f / %.1f | %d | %d | %.1f | %.1f | %.1f |", l.clients,
                        l.rate, medianOf(l.app.stream().mapToDouble(LoadRunner.Result::achievedRate).toArray()),
                        l.app.stream().mapToInt(r -> r.samples().size()).sum(),
                        l.app.stream().mapToLong(LoadRunner.Result::errors).sum(), ap50, ap95, ap99);
                if (floor) {
                    double sp95 = median(l.sql, 95);
                    row += String.format(Locale.ROOT, " %.1f | %.1f | %.1f | %.1f |", median(l.sql, 50), sp95,
                            median(l.sql, 99), ap95 / sp95);
                }
                line(row);
            }
            line("");
            line("p95 per run (ms): " + levels.stream().map(l -> l.clients + " clients: app "
                    + l.app.stream().map(r -> fmt(pct(r.samples(), 95, null))).collect(Collectors.joining("/"))
                    + (floor ? ", SQL " + l.sql.stream().map(r -> fmt(pct(r.samples(), 95, null)))
                    .collect(Collectors.joining("/")) : "")).collect(Collectors.joining("; ")));
            for (LevelResult l : levels) {
                if (l.clients == 5) {
                    double ap95 = median(l.app, 95);
                    String verdict = String.format(Locale.ROOT, "budget at 5 clients: app p95 %.1f ms %s 50 ms", ap95,
                            ap95 <= 50 ? "<=" : "> (MISSED)");
                    if (floor) {
                        double ratio = ap95 / median(l.sql, 95);
                        verdict += String.format(Locale.ROOT, "; app/SQL p95 %.2f %s 2", ratio, ratio <= 2 ? "<=" : "> (MISSED)");
                    }
                    line(verdict);
                }
            }
            line("");
            line("## Per kind of search (ms, medians over the runs; found = the patient searched for is on the first page)");
            line("");
            line("| clients | kind | requests | app p50 | app p95 |" + (floor ? " SQL p50 | SQL p95 |" : "")
                    + " mean hits | found |");
            line("|---|---|---|---|---|" + (floor ? "---|---|" : "") + "---|---|");
            for (LevelResult l : levels) {
                List<String> kinds = l.app.stream().flatMap(r -> r.samples().stream()).map(LoadRunner.Sample::kind)
                        .distinct().sorted().toList();
                for (String kind : kinds) {
                    List<LoadRunner.Sample> all = l.app.stream().flatMap(r -> r.samples().stream())
                            .filter(s -> s.kind().equals(kind) && s.ok()).toList();
                    String row = String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f |", l.clients, kind,
                            all.size(), medianKind(l.app, 50, kind), medianKind(l.app, 95, kind));
                    if (floor) {
                        row += String.format(Locale.ROOT, " %.1f | %.1f |", medianKind(l.sql, 50, kind),
                                medianKind(l.sql, 95, kind));
                    }
                    double hits = all.stream().filter(s -> s.hits() >= 0).mapToLong(LoadRunner.Sample::hits).average().orElse(-1);
                    double found = all.stream().filter(s -> s.rank() >= 0).mapToDouble(s -> s.rank() > 0 ? 1 : 0).average().orElse(-1);
                    row += String.format(Locale.ROOT, " %.0f | %.0f %% |", hits, 100 * found);
                    line(row);
                }
            }
        }

        private static double median(List<LoadRunner.Result> runs, double p) {
            return medianOf(runs.stream().mapToDouble(r -> pct(r.samples(), p, null)).toArray());
        }

        private static double medianKind(List<LoadRunner.Result> runs, double p, String kind) {
            return medianOf(runs.stream().mapToDouble(r -> pct(r.samples(), p, kind)).filter(d -> !Double.isNaN(d)).toArray());
        }
    }

    /** Nearest-rank percentile of the latencies in ms (all samples, errors included: a failure is slow too). */
    static double pct(List<LoadRunner.Sample> samples, double p, String kind) {
        double[] ms = samples.stream().filter(s -> kind == null || s.kind().equals(kind))
                .mapToDouble(s -> s.latencyNanos() / 1e6).sorted().toArray();
        if (ms.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * ms.length);
        return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
    }

    static double medianOf(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String brief(LoadRunner.Result r) {
        return String.format(Locale.ROOT, "%d req (%.1f/s), %d errors, p50 %.1f p95 %.1f p99 %.1f ms",
                r.samples().size(), r.achievedRate(), r.errors(), pct(r.samples(), 50, null),
                pct(r.samples(), 95, null), pct(r.samples(), 99, null));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static List<String> firstErrors(LoadRunner.Result r) {
        return r.samples().stream().filter(s -> !s.ok()).map(LoadRunner.Sample::error).distinct().limit(3).toList();
    }

    private static void write(PrintWriter w, int clients, int run, String target, LoadRunner.Result r) {
        for (LoadRunner.Sample s : r.samples()) {
            w.printf(Locale.ROOT, "%d,%d,%s,%s,%d,%.3f,%b,%d,%d%n", clients, run, target, s.kind(), s.queryIndex(),
                    s.latencyNanos() / 1e6, s.ok(), s.hits(), s.rank());
        }
    }

    private static int[] order(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static List<BenchQuery> reindex(List<BenchQuery> queries) {
        List<BenchQuery> out = new ArrayList<>();
        for (BenchQuery q : queries) {
            BenchQuery copy = new BenchQuery(out.size(), q.kind, q.fhirQuery, q.targetPatientId);
            copy.sql = q.sql;
            out.add(copy);
        }
        return out;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String describeData(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*), (select count(*) from patient_identifier),"
                + " (select version from flyway_schema_history where success order by installed_rank desc limit 1),"
                + " pg_size_pretty(pg_total_relation_size('patient')) from patient");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.format(Locale.ROOT, "%,d patients, %,d identifiers, schema version %s, patient table %s",
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
        }
    }
}
