package org.asclepius.bench.chart;

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
final class SqlCapture extends PgLog {
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

    /** the parse and bind steps of the extended protocol, logged before the execute with their own durations */
    private static final Pattern PHASE = Pattern.compile("LOG:\\s+duration: ([0-9.]+) ms\\s+(?:parse|bind) ");
    private static final Pattern BEGIN = Pattern.compile("(?is)^\\s*(begin|start transaction)\\b.*");
    private static final Pattern END = Pattern.compile("(?is)^\\s*(commit|rollback|end)\\b.*");
    private static final Pattern CONTROL = Pattern.compile(
            "(?is)^\\s*(begin|start transaction|commit|rollback|end|savepoint|release|set transaction|"
                    + "set session characteristics|show transaction|select 1\\s*$|discard).*");
    static final String APPLICATION_NAME = "chart-bench";

    SqlCapture(Connection admin, String logFileOption) throws SQLException {
        super(admin, logFileOption, APPLICATION_NAME);
    }

    /** The transactions in a piece of log, in the order they began (statements outside BEGIN..COMMIT stand alone). */
    static List<Transaction> parse(String log) {
        List<Transaction> done = new ArrayList<>();
        Map<String, Transaction> open = new LinkedHashMap<>();
        // the DETAIL with the parameters directly follows its execute line in the same session
        Map<String, Captured> awaitingParameters = new LinkedHashMap<>();
        Map<String, Double> parseAndBind = new LinkedHashMap<>();
        for (String entry : entries(log)) {
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
