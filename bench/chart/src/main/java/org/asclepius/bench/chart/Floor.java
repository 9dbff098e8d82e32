package org.asclepius.bench.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor of one chart open: the database work {@code ChartService.open} cannot avoid, timed over JDBC. The
 * statements the app ran for it ({@link SqlCapture}), replayed with the same parameters on one connection kept
 * across runs (like a pooled connection: the same PgJDBC version and defaults, so server-side prepared statements
 * and plan caching behave alike), parameters bound untyped so that the server infers their types as it did for
 * the app's, every row and column read; then the one audit row the open writes; all in one transaction, rolled back
 * or, to count what the open's commit costs the database (its write-ahead log flush), committed: the audit trail is
 * append-only, so the committed audit row goes into a scratch copy of {@code audit_event} (same columns, defaults
 * and indexes), dropped when the floor is closed.
 */
final class Floor implements AutoCloseable {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    static final String AUDIT = "insert into audit_event (id, occurred_at, node, user_name, user_roles, action,"
            + " resource_type, resource_id, patient_id, channel, source_address, outcome, request_id, content_hash)"
            + " values (?, ?, 'bench', 'chart-bench', 'physician', 'READ', 'Chart', ?, ?, 'web', '127.0.0.1',"
            + " 'SUCCESS', 'bench-floor', ?)";
    private static final String SCRATCH = "bench_floor_audit";

    /** How a run ends. */
    enum End {
        /** the statements only, rolled back */
        READ,
        /** the statements and the audit insert, rolled back */
        AUDIT,
        /** the statements and the audit insert (into the scratch copy), committed */
        COMMIT
    }

    /**
     * A captured statement made ready for JDBC: ? placeholders, the parameter for each in order, and for each the
     * JDBC type it is bound with ({@link Types#OTHER}: left to the server, see {@link #probe}).
     */
    record Prepared(String sql, List<String> parameters, int[] types) {
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
            int[] types = new int[params.size()];
            java.util.Arrays.fill(types, Types.OTHER);
            return new Prepared(sb.toString(), params, types);
        }
    }

    private final Connection connection;
    private final List<Prepared> statements;
    private final long patientId;
    /** rows read by the last run, per statement */
    private final long[] rows;
    /** nanoseconds per statement summed over the runs, and the runs */
    private final long[] nanos;
    private int runs;
    private long scratchId;

    Floor(Connection connection, List<SqlCapture.Captured> captured, long patientId) throws SQLException {
        this.connection = connection;
        this.statements = captured.stream().map(Prepared::of).toList();
        this.patientId = patientId;
        this.rows = new long[statements.size()];
        this.nanos = new long[statements.size()];
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        probe();
        try (var st = connection.createStatement()) {
            st.execute("drop table if exists " + SCRATCH);
            st.execute("create table " + SCRATCH + " (like audit_event including all)");
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        try (var st = connection.createStatement()) {
            st.execute("drop table if exists " + SCRATCH);
        }
        connection.commit();
    }

    /**
     * The log has the parameters' values, not their types: each is bound untyped, so that the server infers the type
     * from where the parameter stands as it did for the app's typed value. Where nothing tells the type (a parameter
     * that only stands in {@code ? is null}, as Hibernate writes an optional filter), the server refuses
     * ("could not determine data type of parameter $n"): that parameter is bound as text, which does not change what
     * {@code is null} does. Found once, before the runs, statement by statement inside savepoints; rolled back.
     */
    private void probe() throws SQLException {
        Pattern undetermined = Pattern.compile("could not determine data type of parameter \\$(\\d+)");
        try {
            for (Prepared p : statements) {
                for (int attempt = 0; ; attempt++) {
                    java.sql.Savepoint savepoint = connection.setSavepoint();
                    try (PreparedStatement ps = connection.prepareStatement(p.sql())) {
                        bind(ps, p);
                        ps.execute();
                        connection.releaseSavepoint(savepoint);
                        break;
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        Matcher m = undetermined.matcher(String.valueOf(e.getMessage()));
                        if (!m.find() || attempt > p.types().length) {
                            throw new SQLException("the captured statement does not run over JDBC: " + p.sql(), e);
                        }
                        p.types()[Integer.parseInt(m.group(1)) - 1] = Types.VARCHAR;
                    }
                }
            }
        } finally {
            connection.rollback();
        }
    }

    /** The statements with their parameters, as replayed (for the results). */
    List<Prepared> prepared() {
        return statements;
    }

    int statements() {
        return statements.size();
    }

    long[] rows() {
        return rows.clone();
    }

    /** Mean ms of each statement over the runs since {@link #resetTimes}. */
    double[] meanMs() {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = runs == 0 ? Double.NaN : nanos[i] / 1e6 / runs;
        }
        return ms;
    }

    void resetTimes() {
        java.util.Arrays.fill(nanos, 0);
        runs = 0;
    }

    /** ms for the statements (every row read), and as {@code end} says the audit insert and the commit. */
    double run(End end) throws SQLException {
        boolean committed = false;
        try {
            long start = System.nanoTime();
            runs++;
            for (int i = 0; i < statements.size(); i++) {
                long t0 = System.nanoTime();
                Prepared p = statements.get(i);
                try (PreparedStatement ps = connection.prepareStatement(p.sql())) {
                    bind(ps, p);
                    long n = 0;
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                n++;
                                for (int c = 1; c <= columns; c++) {
                                    rs.getObject(c);
                                }
                            }
                        }
                    }
                    rows[i] = n;
                }
                nanos[i] += System.nanoTime() - t0;
            }
            if (end != End.READ) {
                String insert = end == End.COMMIT ? AUDIT.replace("audit_event", SCRATCH) : AUDIT;
                try (PreparedStatement ps = connection.prepareStatement(insert)) {
                    ps.setLong(1, end == End.COMMIT ? --scratchId : -1);
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.setString(3, String.valueOf(patientId));
                    ps.setLong(4, patientId);
                    ps.setString(5, "0".repeat(64));
                    ps.executeUpdate();
                }
            }
            if (end == End.COMMIT) {
                connection.commit();
                committed = true;
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
    }

    static void bind(PreparedStatement ps, Prepared p) throws SQLException {
        for (int i = 0; i < p.parameters().size(); i++) {
            String v = p.parameters().get(i);
            if (v == null) {
                ps.setNull(i + 1, p.types()[i]);
            } else {
                ps.setObject(i + 1, v, p.types()[i]);
            }
        }
    }
}
