package org.asclepius.bench.chart;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import static org.asclepius.bench.common.PgLog.detectLogFile;
import static org.asclepius.bench.common.PgLog.ident;
import static org.asclepius.bench.common.PgLog.parseParameters;
import static org.asclepius.bench.common.PgLog.string;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out which SQL the application runs when it opens the chart, exactly, from PostgreSQL itself (as the
 * patient-search benchmark does, see its README "How the floor is measured"): statement logging
 * ({@code log_min_duration_statement = 0}, with bind parameters) is switched on for the benchmark database only
 * ({@code ALTER DATABASE ... SET}), the app's pooled connections are closed so that its pool opens new sessions that
 * pick the setting up, the chart is opened once, and the statements the app's sessions ran are read back from the
 * server log (through {@code pg_read_binary_file}: a superuser login, no access to the server's files). Then logging
 * is switched off again and the pool renewed once more, so the measured renders are not slowed by logging.
 *
 * <p>The statements are grouped into the transactions they ran in (a session's statements from {@code BEGIN} to
 * {@code COMMIT}/{@code ROLLBACK}); the transaction of {@code ChartService.open} is the one that reads the summary
 * (latest vital signs from {@code observation}, problems from {@code clinical_condition}, {@code allergy},
 * {@code medication}) and the timeline ({@code encounter}).
 */
final class SqlCapture implements AutoCloseable {
    /**
     * A statement the app ran: SQL with $n placeholders, parameter values as logged (null for NULL), and the time the
     * server logged for it (parse, bind and execute).
     */
    record Captured(String sql, List<String> parameters, double serverMillis) {
        boolean control() {
            return CONTROL.matcher(sql).matches();
        }

        boolean audit() {
            return AUDIT.matcher(sql).find();
        }

        boolean catalog() {
            return CATALOG.matcher(sql).find();
        }

        /** What the floor replays: not transaction control, connection checks, catalog look-ups or audit writes. */
        boolean replayed() {
            return !control() && !audit() && !catalog();
        }
    }

    /** The statements of one transaction of one session (pid), in order. */
    record Transaction(String pid, List<Captured> statements) {
        boolean touches(String table) {
            Pattern p = Pattern.compile("(?i)\\b" + table + "\\b");
            return statements.stream().anyMatch(s -> p.matcher(s.sql()).find());
        }

        /** The chart's summary: latest vitals, problems, allergies, medications, timeline. */
        boolean chartOpen() {
            return touches("observation") && touches("clinical_condition") && touches("allergy")
                    && touches("medication") && touches("encounter");
        }

        List<Captured> replayed() {
            return statements.stream().filter(Captured::replayed).toList();
        }

        long auditInserts() {
            return statements.stream().filter(s -> s.audit() && s.sql().toLowerCase().startsWith("insert")).count();
        }

        double serverMillis() {
            return statements.stream().mapToDouble(Captured::serverMillis).sum();
        }

        /** Only transaction control or a pool check (e.g. the pool's background {@code select 1}). */
        boolean controlOnly() {
            return statements.stream().allMatch(Captured::control);
        }
    }

    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern PID = Pattern.compile("\\[(\\d+)\\]");
    private static final Pattern EXECUTE = Pattern.compile(
            "LOG:\\s+duration: ([0-9.]+) ms\\s+(?:execute [^:]*|statement): (.*)", Pattern.DOTALL);
    /** the parse and bind steps of the extended protocol, logged before the execute with their own durations */
    private static final Pattern PHASE = Pattern.compile("LOG:\\s+duration: ([0-9.]+) ms\\s+(?:parse|bind) ");
    private static final Pattern DETAIL = Pattern.compile("DETAIL:\\s+[Pp]arameters: (.*)", Pattern.DOTALL);
    private static final Pattern BEGIN = Pattern.compile("(?is)^\\s*(begin|start transaction)\\b.*");
    private static final Pattern END = Pattern.compile("(?is)^\\s*(commit|rollback|end)\\b.*");
    private static final Pattern CONTROL = Pattern.compile(
            "(?is)^\\s*(begin|start transaction|commit|rollback|end|savepoint|release|set transaction|"
                    + "set session characteristics|show transaction|select 1\\s*$|discard).*");
    private static final Pattern AUDIT = Pattern.compile("(?i)\\baudit_");
    /** the driver's own metadata look-ups (once per connection and statement, cached by PgJDBC) */
    private static final Pattern CATALOG = Pattern.compile("(?i)\\bpg_catalog\\.");
    static final String APPLICATION_NAME = "chart-bench";

    private final Connection admin;
    private final String database;
    private final String logFile;
    private final long alteredAt;

    SqlCapture(Connection admin, String logFileOption) throws SQLException {
        this.admin = admin;
        admin.setAutoCommit(true);
        this.database = string(admin, "select current_database()");
        this.logFile = logFileOption != null && !logFileOption.isBlank() ? logFileOption : detectLogFile(admin);
        if (string(admin, "select (pg_stat_file('" + logFile.replace("'", "''") + "', true)).size::text") == null) {
            throw new IllegalStateException("cannot read the PostgreSQL log " + logFile + " (give --pg-log)");
        }
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + ident(database) + " set log_min_duration_statement = 0");
            s.execute("alter database " + ident(database) + " set log_parameter_max_length = -1");
        }
        alteredAt = System.currentTimeMillis();
    }

    String logFile() {
        return logFile;
    }

    long alteredAt() {
        return alteredAt;
    }


    long logSize() throws SQLException {
        return Long.parseLong(string(admin, "select (pg_stat_file('" + logFile.replace("'", "''") + "')).size::text"));
    }

    String readLog(long from, long to) throws SQLException {
        if (to <= from) {
            return "";
        }
        try (PreparedStatement ps = admin.prepareStatement("select pg_read_binary_file(?, ?, ?)")) {
            ps.setString(1, logFile);
            ps.setLong(2, from);
            ps.setLong(3, to - from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String(rs.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }

    /** Closes the app's sessions on this database (not ours): its pool reconnects and the new ones see the setting. */
    int closeAppSessions() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()"
                     + " and backend_type = 'client backend'"
                     + " and coalesce(application_name, '') not like '" + APPLICATION_NAME + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How many of the app's sessions started before the given time (they do not have the current setting). */
    int appSessionsOlderThan(long epochMillis) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"
                + " and coalesce(application_name, '') not like '" + APPLICATION_NAME + "%' and backend_start < ?")) {
            ps.setTimestamp(1, new Timestamp(epochMillis));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Switches logging off again (idempotent; also done by close). */
    void resetLogging() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + ident(database) + " reset log_min_duration_statement");
            s.execute("alter database " + ident(database) + " reset log_parameter_max_length");
        }
    }

    @Override
    public void close() throws SQLException {
        resetLogging();
    }

    /** The transactions in a piece of log, in the order they began (statements outside BEGIN..COMMIT stand alone). */
    static List<Transaction> parse(String log) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : log.split("\n", -1)) {
            if (ENTRY_START.matcher(line).find()) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        List<Transaction> done = new ArrayList<>();
        Map<String, Transaction> open = new LinkedHashMap<>();
        // the DETAIL with the parameters directly follows its execute line in the same session
        Map<String, Captured> awaitingParameters = new LinkedHashMap<>();
        Map<String, Double> parseAndBind = new LinkedHashMap<>();
        for (String entry : entries) {
            Matcher p = PID.matcher(entry);
            String pid = p.find() ? p.group(1) : "?";
            Matcher ex = EXECUTE.matcher(entry);
            Matcher de = DETAIL.matcher(entry);
            Matcher phase = PHASE.matcher(entry);
            Captured waiting = awaitingParameters.remove(pid);
            if (phase.find()) {
                parseAndBind.merge(pid, Double.parseDouble(phase.group(1)), Double::sum);
            } else if (ex.find()) {
                String sql = ex.group(2).strip();
                double before = parseAndBind.getOrDefault(pid, 0.0);
                parseAndBind.remove(pid);
                Captured c = new Captured(sql, new ArrayList<>(), before + Double.parseDouble(ex.group(1)));
                awaitingParameters.put(pid, c);
                if (BEGIN.matcher(sql).matches()) {
                    Transaction t = new Transaction(pid, new ArrayList<>());
                    t.statements().add(c);
                    Transaction unfinished = open.put(pid, t);
                    if (unfinished != null) {
                        done.add(unfinished);
                    }
                } else if (END.matcher(sql).matches()) {
                    Transaction t = open.remove(pid);
                    if (t != null) {
                        t.statements().add(c);
                        done.add(t);
                    }
                } else if (open.containsKey(pid)) {
                    open.get(pid).statements().add(c);
                } else {
                    done.add(new Transaction(pid, new ArrayList<>(List.of(c))));
                }
            } else if (de.find() && waiting != null) {
                waiting.parameters().addAll(parseParameters(de.group(1).strip()));
            }
        }
        done.addAll(open.values());
        return done;
    }



}
