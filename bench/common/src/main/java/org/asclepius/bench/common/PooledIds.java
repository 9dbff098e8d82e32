package org.asclepius.bench.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
/**
 * Ids from one of the app's sequences, taken the way Hibernate's pooled optimizer takes them, so that the
 * benchmark's rows and the running app's never clash: each {@code nextval} returning V reserves the block
 * V-49..V (allocationSize 50, the sequences' increment), which no node of the app can get any more. (The app's
 * nodes do the same: a node that got V uses V-49..V.)
 */
public final class PooledIds {
    public static final int ALLOCATION_SIZE = 50;

    private final Connection connection;
    private final String sequence;
    private long next;
    private long hi = -1;

    public PooledIds(Connection connection, String sequence) throws SQLException {
        this.connection = connection;
        this.sequence = sequence;
        try (PreparedStatement ps = connection.prepareStatement(
                "select increment_by from pg_sequences where schemaname = current_schema() and sequencename = ?")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no sequence " + sequence + " in this database");
                }
                if (rs.getLong(1) != ALLOCATION_SIZE) {
                    throw new IllegalStateException(sequence + " increments by " + rs.getLong(1) + ", not "
                            + ALLOCATION_SIZE + " as the app's @SequenceGenerator(allocationSize = 50) expects:"
                            + " the id blocks would overlap, refusing to insert");
                }
            }
        }
    }

    public long next() throws SQLException {
        if (hi < 0 || next > hi) {
            long v;
            try (PreparedStatement ps = connection.prepareStatement("select nextval(?)")) {
                ps.setString(1, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    v = rs.getLong(1);
                }
            }
            hi = v;
            next = Math.max(1, v - ALLOCATION_SIZE + 1);
        }
        return next++;
    }
}
