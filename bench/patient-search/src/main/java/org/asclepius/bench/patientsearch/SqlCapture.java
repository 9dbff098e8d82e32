package org.asclepius.bench.patientsearch;

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
 * Finds out which SQL the application runs for each search, exactly, from PostgreSQL itself: statement logging
 * ({@code log_min_duration_statement = 0}, with bind parameters) is switched on for the benchmark database only
 * ({@code ALTER DATABASE ... SET}), the app's pooled connections are closed so that its pool opens new sessions
 * that pick the setting up, each search is sent once, alone, and the statements its database session ran are
 * read back from the server log (through {@code pg_read_binary_file}, so the benchmark needs a superuser login but
 * no access to the server's files). Then logging is switched off again and the pool renewed once more, so the
 * measured runs are not slowed by logging.
 *
 * <p>What counts as the search's SQL: every statement of the request's session in that window except transaction
 * control, connection checks, the driver's catalog look-ups (cached per connection) and the audit trail's writes
 * (the application's own work on top of the search, which the ratio is meant to show).
 */
final class SqlCapture implements AutoCloseable {
    /** A statement the app ran: SQL with $n placeholders, parameter values as logged (null for NULL). */
    record Captured(String sql, List<String> parameters, double serverMillis) {
    }

    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern PID = Pattern.compile("\\[(\\d+)\\]");
    private static final Pattern EXECUTE = Pattern.compile(
            "LOG:\\s+duration: ([0-9.]+) ms\\s+(?:execute [^:]*|statement): (.*)", Pattern.DOTALL);
    private static final Pattern DETAIL = Pattern.compile("DETAIL:\\s+[Pp]arameters: (.*)", Pattern.DOTALL);
    private static final Pattern IGNORED = Pattern.compile(
            "(?is)^\\s*(begin|commit|rollback|savepoint|release|set transaction|set session characteristics|"
                    + "show transaction|select 1\\s*$|discard).*");
    private static final Pattern AUDIT = Pattern.compile("(?i)\\baudit_");
    /** the driver's own metadata look-ups (once per connection and statement, cached by PgJDBC) */
    private static final Pattern CATALOG = Pattern.compile("(?i)\\bpg_catalog\\.");
    private static final Pattern PATIENT = Pattern.compile("(?i)\\bpatient(_identifier)?\\b");

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

    /** Closes the app's sessions on this database (not ours): its pool reconnects and the new sessions see the setting. */
    int closeAppSessions() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()"
                     + " and backend_type = 'client backend'"
                     + " and coalesce(application_name, '') not like 'patient-search-bench%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How many of the app's sessions started before the given time (they do not have the current setting). */
    int appSessionsOlderThan(long epochMillis) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"
                + " and coalesce(application_name, '') not like 'patient-search-bench%' and backend_start < ?")) {
            ps.setTimestamp(1, new Timestamp(epochMillis));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    long alteredAt() {
        return alteredAt;
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

    /**
     * The statements of the search in a piece of log: the session that touched the patient tables, minus
     * transaction control, connection checks and audit writes. Empty if none was found.
     */
    static List<Captured> parse(String log) {
        // entries: a line starting with a timestamp, plus continuation lines
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
        Map<String, List<Captured>> byPid = new LinkedHashMap<>();
        Map<String, Boolean> touchesPatient = new LinkedHashMap<>();
        // the DETAIL with the parameters directly follows its execute line in the same session
        Map<String, Captured> awaitingParameters = new LinkedHashMap<>();
        for (String entry : entries) {
            Matcher p = PID.matcher(entry);
            String pid = p.find() ? p.group(1) : "?";
            Matcher ex = EXECUTE.matcher(entry);
            Matcher de = DETAIL.matcher(entry);
            Captured waiting = awaitingParameters.remove(pid);
            if (ex.find()) {
                String sql = ex.group(2).strip();
                if (IGNORED.matcher(sql).matches() || AUDIT.matcher(sql).find() || CATALOG.matcher(sql).find()) {
                    continue;
                }
                Captured c = new Captured(sql, new ArrayList<>(), Double.parseDouble(ex.group(1)));
                awaitingParameters.put(pid, c);
                byPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(c);
                if (PATIENT.matcher(sql).find()) {
                    touchesPatient.put(pid, true);
                }
            } else if (de.find() && waiting != null) {
                waiting.parameters().addAll(parseParameters(de.group(1).strip()));
            }
        }
        List<Captured> out = new ArrayList<>();
        byPid.forEach((pid, list) -> {
            if (touchesPatient.containsKey(pid)) {
                out.addAll(list);
            }
        });
        return out;
    }



}
