package org.asclepius.bench.chart;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.asclepius.bench.common.Args;
import org.asclepius.bench.common.Stats;

/** The two commands: seed the patient, measure opening the chart. */
final class ChartBenchmark {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/hms_bench_chart";

    private ChartBenchmark() {
    }

    static int seed(Args args) throws SQLException {
        String url = args.get("jdbc-url", JDBC, "the app's database (its Flyway must have created the schema)");
        String user = args.get("db-user", "hms", "database user (owner of the tables)");
        String password = args.get("db-password", "hms", "its password");
        int encounters = args.getInt("encounters", 1000, "encounters of the patient (the newest one current)");
        int observations = args.getInt("observations", 10_000, "vital signs over the encounters");
        int notes = args.getInt("notes", 1200, "signed notes over the encounters");
        int orders = args.getInt("orders", 800, "lab and imaging orders over the encounters");
        long seed = Long.parseLong(args.get("seed", "17", "random seed (times, kinds, values)"));
        boolean replace = args.flag("replace", "remove an earlier seed (the patient and everything in the chart)");
        args.done("java -jar target/chart-bench.jar seed", "Seeds one patient with a long chart over JDBC.");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            Seeder.Seeded s = Seeder.seed(c, encounters, observations, notes, orders, replace, seed);
            System.out.printf(Locale.ROOT, "seeded patient %d (MRN %s): %d encounters, %d vital signs, %d problems,"
                            + " %d diagnoses, %d allergies, %d medication lines (%d active), %d notes, %d orders"
                            + " in %.1f s%n", s.patientId(), s.mrn(), s.encounters(), s.observations(), s.problems(),
                    s.diagnoses(), s.allergies(), s.medications(), s.activeMedications(), s.notes(), s.orders(),
                    (System.nanoTime() - start) / 1e9);
            System.out.println("open it as physician: /hms/clinical/chart.xhtml?patient=" + s.patientId());
        }
        return 0;
    }

    static int measure(Args args) throws Exception {
        String baseUrl = args.get("base-url", "http://localhost:8080", "the app (node 1)");
        String page = args.get("page", "/hms/clinical/chart.xhtml?patient=%d", "the page (%d: the patient's id)");
        String user = args.get("user", Seeder.PHYSICIAN, "demo user who signs in (password and TOTP from the"
                + " realm file); the seed makes them attending of the current encounter");
        String realm = args.get("realm", "../../wildfly-config/keycloak/hms-realm.json", "demo realm export");
        int warmup = args.getInt("warmup", 1000, "opens before measuring (checked, not counted): the chart service"
                + " took 10 ms after 100 opens, 4.9 ms after 500 and 4.1 ms after 1,200 as the JIT compiled its paths");
        int renders = args.getInt("renders", 200, "measured opens");
        int pause = args.getInt("pause", 0, "ms to wait before each open (think time)");
        int floorRuns = args.getInt("floor-runs", 100, "runs of the floor (the chart's SQL over JDBC)");
        String url = args.get("jdbc-url", JDBC, "the app's database (audit checks, the floor)");
        String dbUser = args.get("db-user", "hms", "database user");
        String dbPassword = args.get("db-password", "hms", "its password");
        String adminUser = args.get("admin-user", "postgres", "superuser for the SQL capture (statement logging on"
                + " this database only, reading the server log, renewing the app's sessions)");
        String adminPassword = args.get("admin-password", "", "its password");
        String pgLog = args.get("pg-log", "", "the PostgreSQL server log (found automatically if empty)");
        int poolValidation = args.getInt("pool-validation", 10, "s between the app pool's background validations");
        String chromium = args.get("chromium", "/usr/bin/chromium", "browser binary");
        String chromedriver = args.get("chromedriver", "/usr/bin/chromedriver", "its driver");
        String chartSelector = args.get("chart-selector", "[id$='chartOpen']", "CSS: present when the chart is open");
        String timelineSelector = args.get("timeline-selector", "tbody[id$='timeline_data'] > tr[data-ri]",
                "CSS: a row of the timeline");
        String vitalsSelector = args.get("vitals-selector", "tbody[id$='latestVitals_data'] > tr[data-ri]",
                "CSS: a row of the latest vital signs");
        int timelinePage = args.getInt("timeline-page", 20, "encounters on the timeline's first page"
                + " (ChartService.TIMELINE_PAGE)");
        double budget = args.getDouble("budget", 300, "server-time budget per open, ms (reported, not enforced)");
        double ratioBudget = args.getDouble("ratio-budget", 3, "budget of chart service median / floor median");
        String out = args.get("out", "results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")), "where summary.md, samples.csv and captured-sql.txt go");
        args.done("java -jar target/chart-bench.jar measure", "Opens the seeded patient's chart N times in headless"
                + " Chromium and reports server time (Server-Timing app, chart) against the SQL floor.");

        String[] demo = ChartBrowser.demoUser(Path.of(realm), user);
        Path dir = Path.of(out);
        Files.createDirectories(dir);
        Properties props = new Properties();
        props.setProperty("user", dbUser);
        props.setProperty("password", dbPassword);
        props.setProperty("ApplicationName", SqlCapture.APPLICATION_NAME);
        int failures = 0;
        try (Connection c = DriverManager.getConnection(url, props)) {
            long patientId = number(c, "select coalesce(max(id), -1) from patient where created_by = '"
                    + Seeder.USER + "'");
            if (patientId < 0) {
                throw new IllegalStateException("no seeded patient in " + url + ": run seed first");
            }
            String mrn = text(c, "select mrn from patient where id = " + patientId);
            long encounters = number(c, "select count(*) from encounter where patient_id = " + patientId);
            long observations = number(c, "select count(*) from observation where patient_id = " + patientId);
            long expectedTimeline = Math.min(timelinePage, encounters);
            long expectedVitals = number(c, "select count(distinct kind) from observation where patient_id = "
                    + patientId + " and status = 'FINAL'");
            String pageUrl = baseUrl + String.format(Locale.ROOT, page, patientId);
            ChartBrowser.Selectors selectors = new ChartBrowser.Selectors(chartSelector, timelineSelector,
                    vitalsSelector);
            System.out.printf(Locale.ROOT, "patient %d (MRN %s): %d encounters, %d vital signs; %d warm-up + %d"
                    + " measured opens of %s as %s%n", patientId, mrn, encounters, observations, warmup, renders,
                    pageUrl, user);

            List<String[]> samples = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            List<Double> service = new ArrayList<>();
            List<Double> response = new ArrayList<>();
            List<Double> load = new ArrayList<>();
            List<Double> floorBeside = new ArrayList<>();
            SqlCapture.Transaction chartTx;
            List<SqlCapture.Transaction> requestTx;
            try (ChartBrowser browser = new ChartBrowser(chromium, chromedriver, selectors)) {
                browser.signIn(pageUrl, user, demo[0], demo[1]);

                // 1. the SQL of one chart open, from the server log (statement logging on for this database only)
                try (Connection admin = DriverManager.getConnection(url, adminProps(adminUser, adminPassword));
                     SqlCapture capture = new SqlCapture(admin, pgLog)) {
                    System.out.println("capturing the SQL of one open (PostgreSQL log " + capture.logFile() + ")");
                    renew(capture, browser, pageUrl, mrn, poolValidation, capture.alteredAt());
                    long from = capture.logSize();
                    browser.render(pageUrl, mrn);
                    Thread.sleep(500); // the log collector writes asynchronously
                    requestTx = SqlCapture.parse(capture.readLog(from, capture.logSize()));
                    capture.resetLogging();
                    renew(capture, browser, pageUrl, mrn, poolValidation, System.currentTimeMillis());
                }
                List<SqlCapture.Transaction> opens = requestTx.stream()
                        .filter(SqlCapture.Transaction::chartOpen).toList();
                if (opens.isEmpty()) {
                    writeCaptured(dir.resolve("captured-sql.txt"), requestTx, null, null);
                    throw new IllegalStateException("no transaction reading the chart summary was found in the log"
                            + " (see " + dir.resolve("captured-sql.txt") + ")");
                }
                chartTx = opens.get(0);
                requestTx = requestTx.stream().filter(t -> !t.controlOnly()).toList();
                System.out.printf(Locale.ROOT, "  the open ran %d statements (%d replayed), %d audit insert(s),"
                                + " %.1f ms in the database as logged; %d transaction(s) in the request, %d opening"
                                + " the chart%n", chartTx.statements().size(), chartTx.replayed().size(),
                        chartTx.auditInserts(), chartTx.serverMillis(), requestTx.size(), opens.size());

                // 2. the renders; after each measured one the floor once more (committed, on a connection of its own),
                // as the browser finishes the page: the raw statements on the machine as the opens find it
                try (Connection bc = DriverManager.getConnection(url, props);
                     Floor beside = new Floor(bc, chartTx.replayed(), patientId)) {
                    for (int i = 0; i < 10; i++) {
                        beside.run(Floor.End.COMMIT);
                    }
                    for (int i = 1; i <= warmup + renders; i++) {
                        Thread.sleep(pause);
                        Timestamp from = timestamp(c);
                        ChartBrowser.Render r = browser.render(pageUrl, mrn);
                        Timestamp to = timestamp(c);
                        long[] audit = audit(c, user, patientId, from, to);
                        boolean measured = i > warmup;
                        List<String> problems = new ArrayList<>();
                        if (!r.chart()) {
                            problems.add("the chart is not open");
                        }
                        if (r.timelineRows() != expectedTimeline) {
                            problems.add(r.timelineRows() + " timeline entries, expected " + expectedTimeline);
                        }
                        if (r.vitalRows() != expectedVitals) {
                            problems.add(r.vitalRows() + " latest vital signs, expected " + expectedVitals);
                        }
                        if (!r.mrnShown()) {
                            problems.add("MRN not shown");
                        }
                        if (audit[0] != 1) {
                            problems.add(audit[0] + " READ Chart events for the patient, expected 1");
                        }
                        if (r.serverMs() < 0) {
                            problems.add("no Server-Timing app entry");
                        }
                        if (r.chartMs() < 0) {
                            problems.add("no Server-Timing chart entry");
                        }
                        if (!problems.isEmpty() && failures == 0) {
                            Files.writeString(dir.resolve("first-problem.html"), browser.html());
                        }
                        failures += problems.isEmpty() ? 0 : 1;
                        double after = measured ? beside.run(Floor.End.COMMIT) : Double.NaN;
                        if (measured) {
                            floorBeside.add(after);
                            server.add(r.serverMs());
                            service.add(r.chartMs());
                            response.add(r.responseMs());
                            load.add(r.loadMs());
                        }
                        samples.add(new String[] {String.valueOf(i), measured ? "measured" : "warm-up",
                                fmt(r.serverMs()), fmt(r.chartMs()), fmt(r.responseMs()), fmt(r.loadMs()),
                                String.valueOf(r.htmlBytes()), String.valueOf(r.timelineRows()),
                                String.valueOf(r.vitalRows()), String.valueOf(audit[0]), String.valueOf(audit[1]),
                                measured ? fmt(after) : "", "\"" + r.timing() + "\"",
                                "\"" + String.join("; ", problems) + "\""});
                        System.out.printf(Locale.ROOT, "%3d %-8s server %7.1f ms (chart service %6.1f)  response"
                                        + " %7.1f ms  load %7.1f ms  %d timeline, %d vitals, %d READ Chart"
                                        + " (%d events)%s%n",
                                i, measured ? "" : "warm-up", r.serverMs(), r.chartMs(), r.responseMs(), r.loadMs(),
                                r.timelineRows(), r.vitalRows(), audit[0], audit[1],
                                problems.isEmpty() ? "" : "  PROBLEM: " + String.join("; ", problems));
                    }
                }
            }

            // 3. the floor: the open's statements replayed over JDBC; plus the audit row rolled back; plus committed
            List<Double> floorRead = new ArrayList<>();
            List<Double> floorAudit = new ArrayList<>();
            List<Double> floorCommit = new ArrayList<>();
            Floor floor;
            try (Connection fc = DriverManager.getConnection(url, props);
                 Floor f = new Floor(fc, chartTx.replayed(), patientId)) {
                floor = f;
                for (int i = 0; i < 10; i++) {
                    for (Floor.End end : Floor.End.values()) {
                        floor.run(end);
                    }
                }
                floor.resetTimes();
                for (int i = 0; i < floorRuns; i++) {
                    floorRead.add(floor.run(Floor.End.READ));
                    floorAudit.add(floor.run(Floor.End.AUDIT));
                    floorCommit.add(floor.run(Floor.End.COMMIT));
                }
            }
            writeCaptured(dir.resolve("captured-sql.txt"), requestTx, chartTx, floor);
            report(dir, samples, Stats.of(server), Stats.of(service), Stats.of(response), Stats.of(load),
                    Stats.of(floorRead), Stats.of(floorAudit), Stats.of(floorCommit), Stats.of(floorBeside), chartTx,
                    requestTx.size(), floor, encounters, observations, failures, budget, ratioBudget, user);
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * Closes the app's database sessions and waits until its pool has new ones (which see the current logging
     * setting) and the chart opens again: five good opens in a row with no session older than {@code since}.
     */
    private static void renew(SqlCapture capture, ChartBrowser browser, String pageUrl, String mrn,
            int poolValidation, long since) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int closed = capture.closeAppSessions();
        Thread.sleep((poolValidation + 2) * 1000L);
        int ok = 0;
        while (System.currentTimeMillis() < deadline) {
            boolean success;
            try {
                success = browser.render(pageUrl, mrn).chart();
            } catch (RuntimeException e) {
                success = false;
            }
            ok = success ? ok + 1 : 0;
            if (capture.appSessionsOlderThan(since) > 0) {
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

    private static Properties adminProps(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", SqlCapture.APPLICATION_NAME + "-admin");
        return p;
    }

    private static void writeCaptured(Path file, List<SqlCapture.Transaction> all, SqlCapture.Transaction chart,
            Floor floor) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("# The statements of one chart open as PostgreSQL logged them (durations with logging on),");
            w.println("# by transaction (session pid); '*' marks the transaction of ChartService.open, '>' the");
            w.println("# statements the floor replays (not transaction control, pool checks, catalog look-ups or");
            w.println("# audit writes; the floor adds one audit insert).");
            for (SqlCapture.Transaction t : all) {
                w.printf(Locale.ROOT, "%n%s transaction, session %s: %d statements, %.2f ms logged%n",
                        t == chart ? "*" : "-", t.pid(), t.statements().size(), t.serverMillis());
                for (SqlCapture.Captured s : t.statements()) {
                    w.printf(Locale.ROOT, "  %s %8.3f ms  %s%n", t == chart && s.replayed() ? ">" : " ",
                            s.serverMillis(), s.sql().replaceAll("\\s+", " "));
                    if (!s.parameters().isEmpty()) {
                        w.println("              parameters: " + s.parameters());
                    }
                }
            }
            if (chart != null) {
                w.println();
                w.println("# The open's statements by SQL text: times run, logged ms in all (most run first)");
                Map<String, double[]> bySql = new LinkedHashMap<>();
                for (SqlCapture.Captured s : chart.replayed()) {
                    double[] v = bySql.computeIfAbsent(s.sql().replaceAll("\\s+", " "), k -> new double[2]);
                    v[0]++;
                    v[1] += s.serverMillis();
                }
                bySql.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                        .forEach(e -> w.printf(Locale.ROOT, "%3.0f x  %7.3f ms  %s%n", e.getValue()[0],
                                e.getValue()[1], e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…"
                                        : e.getKey()));
            }
            if (floor != null) {
                w.println();
                w.println("# The floor's statements: rows read in a run, mean ms over the measured runs");
                double[] ms = floor.meanMs();
                long[] rows = floor.rows();
                for (int i = 0; i < floor.statements(); i++) {
                    w.printf(Locale.ROOT, "%2d  %6d rows  %7.3f ms  %s%n", i + 1, rows[i], ms[i],
                            floor.prepared().get(i).sql().replaceAll("\\s+", " "));
                }
            }
        }
    }

    private static void report(Path dir, List<String[]> samples, Stats server, Stats service, Stats response,
            Stats load, Stats floorRead, Stats floorAudit, Stats floorCommit, Stats floorBeside,
            SqlCapture.Transaction chartTx, int requestTransactions, Floor floor, long encounters, long observations,
            int failures, double budget, double ratioBudget, String user) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("samples.csv")))) {
            csv.println("render,phase,server_ms,chart_service_ms,response_ms,load_ms,html_bytes,timeline_rows,"
                    + "latest_vitals,read_chart_events,audit_events,floor_after_ms,server_timing,problems");
            samples.forEach(s -> csv.println(String.join(",", s)));
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Chart: " + encounters + " encounters, " + observations + " vital signs (user " + user + ")");
        lines.add("");
        lines.add("| ms | n | median | p95 | max |");
        lines.add("|---|---|---|---|---|");
        lines.add(server.row("server time (Server-Timing app)"));
        lines.add(service.row("of which ChartService.open: access check, queries, audit, commit (Server-Timing"
                + " chart)"));
        lines.add(response.row("response (request start to last byte)"));
        lines.add(load.row("page load in the browser (to load event)"));
        lines.add(floorRead.row("floor: the open's " + floor.statements() + " statements over JDBC"));
        lines.add(floorAudit.row("floor: the statements + 1 audit row (rolled back)"));
        lines.add(floorCommit.row("floor: the statements + 1 audit row, committed (as the open's transaction ends)"));
        lines.add(floorBeside.row("floor committed, run once right after each measured open (context, not the budget's"
                + " floor)"));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "server time median %.1f ms, p95 %.1f ms / budget %.0f ms: %s",
                server.median(), server.p95(), budget, server.p95() <= budget ? "within" : "OVER"));
        double ratio = service.median() / floorCommit.median();
        lines.add(String.format(Locale.ROOT, "chart service median / floor (statements + audit + commit) median:"
                + " %.1f× / budget %.0f×: %s; against the rolled-back floor (statements + audit): %.1f×; against the"
                + " committed floor run once after each open (the machine as the open found it, not a tight loop):"
                + " %.1f×; page server median / committed floor median: %.1f×", ratio, ratioBudget,
                ratio <= ratioBudget ? "within" : "OVER", service.median() / floorAudit.median(),
                service.median() / floorBeside.median(), server.median() / floorCommit.median()));
        lines.add(String.format(Locale.ROOT, "the open's transaction: %d statements (%d replayed), %d audit"
                        + " insert(s), %.1f ms in the database as logged (with statement logging on); %d transactions"
                        + " in the request", chartTx.statements().size(), chartTx.replayed().size(),
                chartTx.auditInserts(), chartTx.serverMillis(), requestTransactions));
        lines.add("renders with a problem (chart shown, timeline, latest vitals, MRN, one READ Chart event,"
                + " Server-Timing): " + failures);
        lines.add("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Files.write(dir.resolve("summary.md"), lines);
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("(written to " + dir.toAbsolutePath() + ")");
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static Timestamp timestamp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select clock_timestamp()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** [READ Chart successes for the patient, all events about the patient] by the user between the two times. */
    private static long[] audit(Connection c, String user, long patientId, Timestamp from, Timestamp to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) filter (where resource_type = 'Chart'"
                + " and action = 'READ' and outcome = 'SUCCESS'), count(*) from audit_event"
                + " where user_name = ? and patient_id = ? and occurred_at between ? and ?")) {
            ps.setString(1, user);
            ps.setLong(2, patientId);
            ps.setTimestamp(3, from);
            ps.setTimestamp(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
