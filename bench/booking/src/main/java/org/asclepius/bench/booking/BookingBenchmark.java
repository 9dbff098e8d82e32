package org.asclepius.bench.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.asclepius.bench.common.Args;
import org.asclepius.bench.common.ClientCredentials;
import org.asclepius.bench.common.TokenSource;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Booking under contention on a cluster: sets up its fixture over JDBC ({@link Fixture}), then for each level of
 * concurrency runs a warm-up and a measured phase of the {@link Race} against the nodes, verifies the database
 * ({@link Verifier}) and reports ({@link Report}). Exit code 0: every level ran and verified; 1: a verification
 * failed; 2: the setup could not be done; 3: incomplete (the slots ran out, or too many errors).
 */
final class BookingBenchmark {
    private static final Pattern APPOINTMENT_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"Appointment\"");
    /** slots starting sooner are left out of the race: a booking in the past is refused, and the run takes time */
    private static final Duration LEAD = Duration.ofHours(1);

    private BookingBenchmark() {
    }

    static int run(Args args) throws Exception {
        String nodesOpt = args.get("nodes", "http://localhost:8080,http://localhost:8180",
                "the cluster nodes' base URLs; requests alternate between them");
        String fhirPath = args.get("fhir-path", "/hms/fhir", "FHIR base path on every node");
        ClientCredentials credentials = ClientCredentials.from(args);
        String jdbcUrl = args.get("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/hms", "the nodes' database");
        String dbUser = args.get("db-user", "hms", "database user (owner of the tables)");
        String dbPassword = args.get("db-password", "hms", "its password");
        String levelsOpt = args.get("levels", "1,20,200", "concurrency levels (client threads racing for one slot)");
        double seconds = args.getDouble("seconds", 20, "measured seconds per level");
        double warmup = args.getDouble("warmup", 5, "warm-up seconds per level (same race, not measured, verified)");
        int patients = args.getInt("patients", 400, "patients created for the run");
        int days = args.getInt("days", 30, "days of slots from today (40 slots a day; one slot per booking)");
        String zoneOpt = args.get("zone", "", "hospital zone of the working hours; empty: as the app (HMS_ZONE or"
                + " -Dhms.zone, else the system zone)");
        String runIdOpt = args.get("run-id", "", "run id in the fixture's names; empty: base-36 seconds since 1970");
        long seed = Long.parseLong(args.get("seed", "7", "random seed (patients, who books what)"));
        int timeoutSeconds = args.getInt("timeout", 30, "per-request timeout, seconds");
        int maxErrors = args.getInt("max-errors", 100, "stop a phase after this many answers other than 201/409");
        String runId = runIdOpt.isBlank() ? Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT)
                : runIdOpt;
        String outDir = args.get("out", "results/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + "-" + runId, "directory for summary.md, levels.csv and samples.csv");
        args.done("java -jar target/booking-bench.jar", "Booking under contention: C clients race for the same slots through FHIR POST Appointment on"
                + " every node; the database is checked after each level.");

        int[] levels = Arrays.stream(levelsOpt.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        List<String> nodes = Arrays.stream(nodesOpt.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).toList();
        List<String> fhirBases = nodes.stream().map(n -> n + fhirPath).toList();
        ZoneId zone = zoneOpt.isBlank() ? TimeFormat.hospitalZone() : ZoneId.of(zoneOpt);
        if (!runId.matches("[A-Z0-9]{1,12}") || ("BENCH-" + runId + "-" + patients).length() > 20) {
            System.err.println("--run-id must be 1-12 capital letters or digits, and BENCH-<run>-<patients> fit the"
                    + " 20 characters of an MRN");
            return 2;
        }

        Report report = new Report(nodes);
        report.header("# Booking under contention, run " + runId + ", " + LocalDateTime.now().withNano(0) + " ("
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ")");
        report.header("");
        report.header("nodes: " + String.join(", ", fhirBases) + "; levels " + levelsOpt + " clients, warm-up "
                + warmup + " s + " + seconds + " s each, request timeout " + timeoutSeconds + " s; database " + jdbcUrl);

        Properties p = new Properties();
        p.setProperty("user", dbUser);
        p.setProperty("password", dbPassword);
        p.setProperty("ApplicationName", "booking-bench");
        List<Report.Level> results = new ArrayList<>();
        List<Sample> all = new ArrayList<>();
        Path out = Path.of(outDir);
        int exit = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
            String problem = preflight(fhirBases);
            if (problem != null) {
                System.err.println(problem);
                return 2;
            }
            TokenSource tokens;
            try {
                tokens = new TokenSource(credentials);
            } catch (IOException e) {
                System.err.println("no token from Keycloak (" + e.getMessage() + "): is it running (./hms start)?");
                return 2;
            }
            try (tokens) {
                Fixture fixture;
                try {
                    fixture = Fixture.create(c, runId, patients, days, zone, seed);
                } catch (IllegalStateException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
                Instant from = Instant.now().plus(LEAD);
                List<Fixture.BenchSlot> raceSlots = fixture.slots().stream().filter(s -> !s.start().isBefore(from))
                        .toList();
                report.header("fixture: " + fixture.describe());
                report.header("race: " + raceSlots.size() + " slots starting from " + from + " (an hour ahead), in"
                        + " time order; one booking per slot");
                report.header("machine load average (1/5/15 min) at start: " + loadAverage());
                System.out.println(String.join("\n", List.of("run " + runId, "fixture: " + fixture.describe(),
                        "race: " + raceSlots.size() + " slots")));

                Race race = new Race(fixture, raceSlots, fhirBases, tokens, Duration.ofSeconds(timeoutSeconds),
                        maxErrors, seed);
                for (int clients : levels) {
                    if (race.slotsLeft() == 0) {
                        System.out.println("no slots left for " + clients + " clients: rerun with more --days");
                        exit = 3;
                        break;
                    }
                    System.out.printf(Locale.ROOT, "%n== %d client(s): warm-up %.0f s, then %.0f s measured (%d slots"
                            + " left)%n", clients, warmup, seconds, race.slotsLeft());
                    Race.Phase w = race.run(clients, Sample.WARMUP, warmup);
                    all.addAll(w.samples());
                    Race.Phase m = w.outOfSlots() || w.abortReason() != null
                            ? new Race.Phase(List.of(), 0.001, w.outOfSlots(), w.abortReason(), race.cursor(),
                            race.cursor())
                            : race.run(clients, Sample.MEASURED, seconds);
                    all.addAll(m.samples());
                    String note = null;
                    boolean inWarmup = w.outOfSlots() || w.abortReason() != null;
                    Race.Phase stopped = inWarmup ? w : m;
                    if (stopped.abortReason() != null) {
                        note = "stopped" + (inWarmup ? " in the warm-up" : "") + ": " + stopped.abortReason();
                        exit = 3;
                    } else if (stopped.outOfSlots()) {
                        note = String.format(Locale.ROOT, "the slots ran out after %.1f s of the %s (rerun with more"
                                + " --days)", stopped.seconds(), inWarmup ? "warm-up" : "measured phase");
                        exit = 3;
                    }
                    boolean noAnswer = w.samples().stream().anyMatch(s -> s.status() == 0)
                            || m.samples().stream().anyMatch(s -> s.status() == 0);
                    if (noAnswer) {
                        // a request the client gave up on may still be running on its node
                        System.out.println("some requests got no answer: waiting " + timeoutSeconds
                                + " s before verifying");
                        Thread.sleep(timeoutSeconds * 1000L);
                    }
                    Verifier.Result v = Verifier.verify(c, fixture, all);
                    Report.Level level = new Report.Level(clients, w, m, v, note);
                    results.add(level);
                    System.out.print(brief(level));
                    if (!v.ok()) {
                        v.violations().forEach(x -> System.out.println("  VIOLATION " + x));
                        exit = 1;
                        break;
                    }
                    if (exit == 3) {
                        break;
                    }
                }
                report.header("machine load average (1/5/15 min) at end: " + loadAverage());
            }
        } catch (SQLException e) {
            System.err.println("database " + jdbcUrl + ": " + e.getMessage());
            exit = exit == 0 ? 2 : exit;
        }
        if (!results.isEmpty()) {
            report.write(out, results, all);
            System.out.println();
            System.out.println(report.markdown(results));
            System.out.println("(summary.md, levels.csv and samples.csv in " + out + ")");
        }
        System.out.println(switch (exit) {
            case 0 -> "every level ran and the database verified";
            case 1 -> "VERIFICATION FAILED";
            case 3 -> "INCOMPLETE: see the notes above";
            default -> "the benchmark could not run";
        });
        return exit;
    }

    /** Every node answers /metadata and offers the FHIR Appointment resource; null when so, else what is wrong. */
    static String preflight(List<String> fhirBases) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int n = 0; n < fhirBases.size(); n++) {
            String url = fhirBases.get(n) + "/metadata";
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return "node " + (n + 1) + ": GET " + url + " answered " + r.statusCode();
                }
                if (!APPOINTMENT_TYPE.matcher(r.body()).find()) {
                    return "node " + (n + 1) + " (" + url + ") offers no FHIR Appointment resource: deploy a build"
                            + " with the Appointment API";
                }
            } catch (IOException e) {
                return "node " + (n + 1) + " is not reachable at " + url + " (" + e.getMessage() + "): start it with"
                        + " ./hms start --db postgresql" + (n == 0 ? "" : " --node " + (n + 1));
            }
        }
        return null;
    }

    private static String brief(Report.Level l) {
        Race.Phase m = l.measured();
        long created = l.count(201);
        return String.format(Locale.ROOT, "%d client(s): %d requests in %.1f s (%.1f/s), %d booked (%.1f/s), %d"
                        + " conflicts, %d other; p50 %.1f p95 %.1f p99 %.1f max %.1f ms; verification %s%s%n",
                l.clients(), l.samples().size(), m.seconds(), l.samples().size() / m.seconds(), created,
                created / m.seconds(), l.count(409), l.others(), Report.pct(l.samples(), 50),
                Report.pct(l.samples(), 95), Report.pct(l.samples(), 99), Report.pct(l.samples(), 100),
                l.verification().ok() ? "OK" : "FAILED", l.note() == null ? "" : " (" + l.note() + ")");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
