package org.asclepius.bench.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the benchmarks that capture the app's SQL from PostgreSQL's server log share. An instance switches statement
 * logging ({@code log_min_duration_statement = 0}, with bind parameters) on for the connected database only
 * ({@code ALTER DATABASE ... SET}) and off again on close, renews the app's pooled sessions so that they pick the
 * setting up, and reads the server log back (through {@code pg_read_binary_file}: a superuser login, no access to the
 * server's files); each benchmark's {@code SqlCapture} adds how it reads its statements out of the log. The static
 * helpers: where the log is, its entries, the parameters of a logged statement, a setting read as text, a quoted
 * identifier.
 */
public class PgLog implements AutoCloseable {
    /** the start of a log entry (its other lines are continuation lines) */
    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    /** the session (backend pid) of a log entry */
    public static final Pattern PID = Pattern.compile("\\[(\\d+)\\]");
    /** a statement executed: its duration (group 1) and SQL (group 2) */
    public static final Pattern EXECUTE = Pattern.compile(
            "LOG:\\s+duration: ([0-9.]+) ms\\s+(?:execute [^:]*|statement): (.*)", Pattern.DOTALL);
    /** the bind parameters of the statement logged just before in the same session */
    public static final Pattern DETAIL = Pattern.compile("DETAIL:\\s+[Pp]arameters: (.*)", Pattern.DOTALL);
    /** the audit trail's tables */
    public static final Pattern AUDIT = Pattern.compile("(?i)\\baudit_");
    /** the driver's own metadata look-ups (once per connection and statement, cached by PgJDBC) */
    public static final Pattern CATALOG = Pattern.compile("(?i)\\bpg_catalog\\.");

    private final Connection admin;
    private final String database;
    private final String logFile;
    private final long alteredAt;
    private final String ownApplicationName;

    /**
     * Switches statement logging on for the database {@code admin} (a superuser) is connected to. {@code logFileOption}
     * is the server log (found automatically when empty); the sessions whose application_name starts with
     * {@code ownApplicationName} are the benchmark's own, never closed.
     */
    public PgLog(Connection admin, String logFileOption, String ownApplicationName) throws SQLException {
        this.admin = admin;
        this.ownApplicationName = ownApplicationName;
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

    public String logFile() {
        return logFile;
    }

    /** When logging was switched on (epoch ms): sessions started before do not log. */
    public long alteredAt() {
        return alteredAt;
    }

    public long logSize() throws SQLException {
        return Long.parseLong(string(admin, "select (pg_stat_file('" + logFile.replace("'", "''") + "')).size::text"));
    }

    /** The log from byte {@code from} to byte {@code to} (exclusive). */
    public String readLog(long from, long to) throws SQLException {
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
    public int closeAppSessions() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()"
                     + " and backend_type = 'client backend'"
                     + " and coalesce(application_name, '') not like '" + ownApplicationName + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How many of the app's sessions started before the given time (they do not have the current setting). */
    public int appSessionsOlderThan(long epochMillis) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"
                + " and coalesce(application_name, '') not like '" + ownApplicationName + "%' and backend_start < ?")) {
            ps.setTimestamp(1, new Timestamp(epochMillis));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Switches logging off again (idempotent; also done by close). */
    public void resetLogging() throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + ident(database) + " reset log_min_duration_statement");
            s.execute("alter database " + ident(database) + " reset log_parameter_max_length");
        }
    }

    @Override
    public void close() throws SQLException {
        resetLogging();
    }

    /** The entries of a piece of log: a line starting with a timestamp plus its continuation lines (tab removed). */
    public static List<String> entries(String log) {
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
        return entries;
    }

    /** The server log file: the logging collector's current file, else Debian's file for the cluster. */
    public static String detectLogFile(Connection admin) throws SQLException {
        if ("on".equals(string(admin, "select current_setting('logging_collector')"))) {
            String f = string(admin, "select pg_current_logfile('stderr')");
            if (f != null) {
                return f.startsWith("/") ? f : string(admin, "select current_setting('data_directory')") + "/" + f;
            }
        }
        String major = string(admin, "select (current_setting('server_version_num')::int / 10000)::text");
        String cluster = string(admin, "select coalesce(nullif(current_setting('cluster_name'), ''), '" + major
                + "/main')");
        return "/var/log/postgresql/postgresql-" + cluster.replace('/', '-') + ".log";
    }

    /** The values of a logged "parameters: $1 = '…', $2 = NULL" line, in order (NULL as null). */
    public static List<String> parseParameters(String s) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf(" = ", i);
            if (eq < 0) {
                break;
            }
            i = eq + 3;
            if (s.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else if (i < s.length() && s.charAt(i) == '\'') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < s.length()) {
                    char ch = s.charAt(i);
                    if (ch == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            v.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    v.append(ch);
                    i++;
                }
                values.add(v.toString());
            }
            int comma = s.indexOf(", $", i);
            if (comma < 0) {
                break;
            }
            i = comma + 2;
        }
        return values;
    }

    /** The first column of the first row as text (null when none). */
    public static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A quoted SQL identifier. */
    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
