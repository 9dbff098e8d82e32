package org.asclepius.bench.beds;

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
import java.util.List;
import java.util.Locale;
import org.asclepius.bench.common.Args;
import org.asclepius.bench.common.Stats;

/** The two commands: seed the hospital, measure the board. */
final class BedBoardBenchmark {
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/hms_bench_beds";

    private BedBoardBenchmark() {
    }

    static int seed(Args args) throws SQLException {
        String url = args.get("jdbc-url", JDBC, "the app's database (its Flyway must have created the schema)");
        String user = args.get("db-user", "hms", "database user (owner of the tables)");
        String password = args.get("db-password", "hms", "its password");
        int wards = args.getInt("wards", 20, "wards BN-01..");
        int beds = args.getInt("beds-per-ward", 25, "beds per ward (rooms of 5)");
        int occupied = args.getInt("occupied", 500, "admitted patients, one per bed from the first ward on");
        long seed = Long.parseLong(args.get("seed", "11", "random seed (names, ages, attending, admission times)"));
        boolean replace = args.flag("replace", "remove an earlier seed (and what the app did in its wards) first");
        args.done("java -jar target/bed-board-bench.jar seed", "Seeds wards, beds and admitted patients over JDBC.");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            Seeder.Seeded s = Seeder.seed(c, wards, beds, occupied, replace, seed);
            System.out.printf(Locale.ROOT, "seeded %d wards, %d beds, %d admitted patients in %.1f s%n", s.wards(),
                    s.beds(), s.occupied(), (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    static int measure(Args args) throws Exception {
        String baseUrl = args.get("base-url", "http://localhost:8080", "the app (node 1)");
        String page = args.get("page", "/hms/inpatient/bed-board.xhtml", "the page rendered");
        String user = args.get("user", "nurse", "demo user who signs in (password and TOTP from the realm file)");
        String realm = args.get("realm", "../../wildfly-config/keycloak/hms-realm.json", "demo realm export");
        int warmup = args.getInt("warmup", 10, "renders before measuring (checked, not counted)");
        int renders = args.getInt("renders", 50, "measured renders");
        int floorRuns = args.getInt("floor-runs", 50, "runs of the floor (board SQL over JDBC)");
        String url = args.get("jdbc-url", JDBC, "the app's database (to check the audit trail and for the floor)");
        String dbUser = args.get("db-user", "hms", "database user");
        String dbPassword = args.get("db-password", "hms", "its password");
        String chromium = args.get("chromium", "/usr/bin/chromium", "browser binary");
        String chromedriver = args.get("chromedriver", "/usr/bin/chromedriver", "its driver");
        double budget = args.getDouble("budget", 300, "server-time budget per render, ms (reported, not enforced)");
        String out = args.get("out", "results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")), "where summary.md and samples.csv go");
        args.done("java -jar target/bed-board-bench.jar measure", "Renders the whole bed board N times in headless"
                + " Chromium and reports server time (Server-Timing), response time and the SQL floor.");

        String[] demo = BoardBrowser.demoUser(Path.of(realm), user);
        List<String[]> samples = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> service = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        int failures = 0;
        long expectedBeds;
        long expectedOccupied;
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword)) {
            expectedBeds = number(c, "select count(*) from bed");
            expectedOccupied = number(c, "select count(*) from bed_stay where current_bed_id is not null");
            System.out.printf("database: %d beds, %d occupied; %d warm-up + %d measured renders of %s%s as %s%n",
                    expectedBeds, expectedOccupied, warmup, renders, baseUrl, page, user);
            try (BoardBrowser browser = new BoardBrowser(chromium, chromedriver)) {
                browser.signIn(baseUrl + page, user, demo[0], demo[1]);
                for (int i = 1; i <= warmup + renders; i++) {
                    Timestamp from = timestamp(c);
                    BoardBrowser.Render r = browser.render(baseUrl + page);
                    Timestamp to = timestamp(c);
                    long[] audit = audit(c, user, from, to);
                    boolean measured = i > warmup;
                    List<String> problems = new ArrayList<>();
                    if (r.beds() != expectedBeds) {
                        problems.add(r.beds() + " beds shown, expected " + expectedBeds);
                    }
                    if (r.occupied() != expectedOccupied) {
                        problems.add(r.occupied() + " occupied shown, expected " + expectedOccupied);
                    }
                    if (audit[0] != expectedOccupied || audit[1] != expectedOccupied) {
                        problems.add(audit[0] + " audit events for " + audit[1] + " patients, expected "
                                + expectedOccupied);
                    }
                    if (r.serverMs() < 0) {
                        problems.add("no Server-Timing app entry");
                    }
                    failures += problems.isEmpty() ? 0 : 1;
                    if (measured) {
                        server.add(r.serverMs());
                        service.add(r.boardMs());
                        response.add(r.responseMs());
                        load.add(r.loadMs());
                    }
                    samples.add(new String[] {String.valueOf(i), measured ? "measured" : "warm-up",
                            fmt(r.serverMs()), fmt(r.boardMs()), fmt(r.responseMs()), fmt(r.loadMs()),
                            String.valueOf(r.htmlBytes()),
                            String.valueOf(r.beds()), String.valueOf(r.occupied()), String.valueOf(audit[0]),
                            String.valueOf(audit[1]), String.join("; ", problems)});
                    System.out.printf(Locale.ROOT, "%3d %-8s server %7.1f ms (board service %6.1f)"
                                    + "  response %7.1f ms  load %7.1f ms  %d beds, %d occupied, %d audit events%s%n",
                            i, measured ? "" : "warm-up",
                            r.serverMs(), r.boardMs(), r.responseMs(), r.loadMs(), r.beds(), r.occupied(), audit[0],
                            problems.isEmpty() ? "" : "  PROBLEM: " + String.join("; ", problems));
                }
            }
            List<Double> floorRead = new ArrayList<>();
            List<Double> floorAudit = new ArrayList<>();
            long[] occupied = new long[1];
            for (int i = 0; i < 10; i++) {
                Floor.read(c, occupied);
                Floor.readAndAudit(c);
            }
            for (int i = 0; i < floorRuns; i++) {
                floorRead.add(Floor.read(c, occupied));
                floorAudit.add(Floor.readAndAudit(c));
            }
            report(Path.of(out), samples, Stats.of(server), Stats.of(service), Stats.of(response), Stats.of(load),
                    Stats.of(floorRead), Stats.of(floorAudit), expectedBeds, expectedOccupied, failures, budget, user);
        }
        return failures == 0 ? 0 : 1;
    }

    private static void report(Path dir, List<String[]> samples, Stats server, Stats service, Stats response,
            Stats load,
            Stats floorRead, Stats floorAudit, long beds, long occupied, int failures, double budget, String user)
            throws IOException {
        Files.createDirectories(dir);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("samples.csv")))) {
            csv.println("render,phase,server_ms,board_service_ms,response_ms,load_ms,html_bytes,beds,occupied,"
                    + "audit_events,audited_patients,problems");
            samples.forEach(s -> csv.println(String.join(",", s)));
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Bed board: " + beds + " beds, " + occupied + " occupied (user " + user + ")");
        lines.add("");
        lines.add("| ms | n | median | p95 | max |");
        lines.add("|---|---|---|---|---|");
        lines.add(server.row("server time (Server-Timing app)"));
        lines.add(service.row("of which the board service: queries, audit, commit (Server-Timing board)"));
        lines.add(response.row("response (request start to last byte)"));
        lines.add(load.row("page load in the browser (to load event)"));
        lines.add(floorRead.row("floor: the board's SQL over JDBC"));
        lines.add(floorAudit.row("floor: SQL + " + occupied + " audit rows (rolled back)"));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "server time p95 / budget %.0f ms: %s; server median / floor"
                        + " (SQL + audit) median: %.1f×", budget, server.p95() <= budget ? "within" : "OVER",
                server.median() / floorAudit.median()));
        lines.add("renders with a problem (beds or occupied beds shown, audit events, header): " + failures);
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

    /** [events, distinct patients] the user's board reads wrote between the two times. */
    private static long[] audit(Connection c, String user, Timestamp from, Timestamp to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*), count(distinct patient_id) from audit_event"
                + " where user_name = ? and resource_type = 'Admission' and action = 'READ' and outcome = 'SUCCESS'"
                + " and occurred_at between ? and ?")) {
            ps.setString(1, user);
            ps.setTimestamp(2, from);
            ps.setTimestamp(3, to);
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
}
