package org.asclepius.bench.patientsearch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
/**
 * The floor: the SQL the app ran for a search ({@link SqlCapture}), replayed over JDBC with the same parameters in
 * one transaction per search, one connection per client (as the app's pool gives each request one), with the
 * same driver and its defaults (server-side prepare after 5 uses), every row read.
 */
final class SqlTarget implements LoadRunner.Target, AutoCloseable {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    /** A captured statement made ready for JDBC: ? placeholders and the parameter for each, in order. */
    record Prepared(String sql, List<String> parameters) {
        static Prepared of(SqlCapture.Captured c) {
            StringBuilder sb = new StringBuilder();
            List<String> params = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(c.sql());
            int last = 0;
            while (m.find()) {
                sb.append(c.sql(), last, m.start()).append('?');
                int n = Integer.parseInt(m.group(1));
                params.add(n <= c.parameters().size() ? c.parameters().get(n - 1) : null);
                last = m.end();
            }
            sb.append(c.sql().substring(last));
            return new Prepared(sb.toString(), params);
        }
    }

    private final String url;
    private final Properties props;
    private final List<Connection> connections = new ArrayList<>();

    SqlTarget(String url, String user, String password) {
        this.url = url;
        this.props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "patient-search-bench-floor");
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** One connection per client, kept across runs as the app's pool keeps its connections (and their prepared statements). */
    @Override
    public synchronized LoadRunner.Worker worker(int client) throws SQLException {
        while (connections.size() <= client) {
            connections.add(connect());
        }
        Connection c = connections.get(client);
        return q -> run(c, q);
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
    }

    static LoadRunner.Outcome run(Connection c, BenchQuery q) throws SQLException {
        if (q.sql == null || q.sql.isEmpty()) {
            return new LoadRunner.Outcome(false, -1, -1, "no SQL captured for this search");
        }
        long hits = -1;
        int rank = -1;
        try {
            for (SqlCapture.Captured captured : q.sql) {
                Prepared p = Prepared.of(captured);
                try (PreparedStatement ps = c.prepareStatement(p.sql())) {
                    bind(ps, p.parameters());
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            int columns = rs.getMetaData().getColumnCount();
                            boolean idFirst = columns > 1 && rs.getMetaData().getColumnLabel(1).equalsIgnoreCase("id");
                            boolean count = columns == 1 && rs.getMetaData().getColumnLabel(1).equalsIgnoreCase("count");
                            int row = 0;
                            while (rs.next()) {
                                row++;
                                for (int i = 1; i <= columns; i++) {
                                    rs.getObject(i);
                                }
                                if (idFirst && rank <= 0 && rs.getLong(1) == q.targetPatientId) {
                                    rank = row;
                                }
                                if (count) {
                                    hits = rs.getLong(1);
                                }
                            }
                            if (idFirst) {
                                rank = Math.max(rank, 0);
                                hits = Math.max(hits, row);
                            }
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        return new LoadRunner.Outcome(true, hits, rank, null);
    }

    static void bind(PreparedStatement ps, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            String v = parameters.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                // type left to the server, which infers it from the context as it did for the app's typed value
                ps.setObject(i + 1, v, Types.OTHER);
            }
        }
    }
}
