package org.asclepius.bench.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmarks that capture the app's SQL from PostgreSQL's server log share: where the log is, the
 * parameters of a logged statement, a setting read as text, a quoted identifier.
 */
public final class PgLog {
    private PgLog() {
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
