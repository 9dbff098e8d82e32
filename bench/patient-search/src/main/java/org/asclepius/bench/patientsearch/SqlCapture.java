package org.asclepius.bench.patientsearch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.bench.common.PgLog;

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
final class SqlCapture extends PgLog {
    /** A statement the app ran: SQL with $n placeholders, parameter values as logged (null for NULL). */
    record Captured(String sql, List<String> parameters, double serverMillis) {
    }

    private static final Pattern IGNORED = Pattern.compile(
            "(?is)^\\s*(begin|commit|rollback|savepoint|release|set transaction|set session characteristics|"
                    + "show transaction|select 1\\s*$|discard).*");
    private static final Pattern PATIENT = Pattern.compile("(?i)\\bpatient(_identifier)?\\b");

    SqlCapture(Connection admin, String logFileOption) throws SQLException {
        super(admin, logFileOption, "patient-search-bench");
    }

    /**
     * The statements of the search in a piece of log: the session that touched the patient tables, minus
     * transaction control, connection checks and audit writes. Empty if none was found.
     */
    static List<Captured> parse(String log) {
        Map<String, List<Captured>> byPid = new LinkedHashMap<>();
        Map<String, Boolean> touchesPatient = new LinkedHashMap<>();
        // the DETAIL with the parameters directly follows its execute line in the same session
        Map<String, Captured> awaitingParameters = new LinkedHashMap<>();
        for (String entry : entries(log)) {
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
