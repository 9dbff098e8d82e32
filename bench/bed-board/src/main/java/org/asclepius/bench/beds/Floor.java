package org.asclepius.bench.beds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The floor of one render: the database work the board cannot avoid, timed over JDBC. {@link #read} runs the
 * same two statements the app's BedBoardService runs (Hibernate's SQL for its two JPQL projections, written out:
 * the wards; the beds with their current stay, admission, patient and encounter) and reads every row;
 * {@link #readAndAudit} adds writing one audit row per occupant in the same transaction (rolled back), as the
 * app writes its audit events.
 */
final class Floor {
    static final String WARDS = "select w.id, w.code, w.name, w.department, w.active, w.sex_rule, w.min_age,"
            + " w.max_age from ward w order by w.code";
    static final String BEDS = "select b.id, b.version, w.id, w.code, b.room, b.label, b.kind, b.status, b.note,"
            + " a.id, a.version, a.status, p.id, p.family_name, p.given_name, p.middle_name, p.mrn, p.birth_date,"
            + " p.birth_date_estimated, p.sex, a.admitted_at, e.attending"
            + " from bed b join ward w on w.id = b.ward_id"
            + " left join bed_stay s on s.current_bed_id = b.id"
            + " left join admission a on a.id = s.admission_id"
            + " left join patient p on p.id = a.patient_id"
            + " left join encounter e on e.id = a.encounter_id"
            + " order by w.code, b.room, b.label";
    static final String AUDIT = "insert into audit_event (id, occurred_at, node, user_name, user_roles, action,"
            + " resource_type, resource_id, patient_id, channel, source_address, outcome, request_id, content_hash)"
            + " values (?, ?, 'bench', 'bed-board-bench', 'nurse', 'READ', 'Admission', ?, ?, 'web', '127.0.0.1',"
            + " 'SUCCESS', 'bench-floor', ?)";

    private Floor() {
    }

    /** ms for the two reads; returns the number of occupied beds read through {@code occupied[0]}. */
    static double read(Connection c, long[] occupied) throws SQLException {
        long start = System.nanoTime();
        long count = 0;
        try (PreparedStatement wards = c.prepareStatement(WARDS); ResultSet rs = wards.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1);
                rs.getString(2);
            }
        }
        try (PreparedStatement beds = c.prepareStatement(BEDS); ResultSet rs = beds.executeQuery()) {
            while (rs.next()) {
                for (int i = 1; i <= 22; i++) {
                    rs.getObject(i);
                }
                if (rs.getObject(10) != null) {
                    count++;
                }
            }
        }
        occupied[0] = count;
        return (System.nanoTime() - start) / 1e6;
    }

    /** ms for the reads plus one audit row per occupant (batched, as Hibernate's batch of 50), rolled back. */
    static double readAndAudit(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long start = System.nanoTime();
            long[] occupied = new long[1];
            read(c, occupied);
            try (PreparedStatement ps = c.prepareStatement(AUDIT)) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < occupied[0]; i++) {
                    ps.setLong(1, -1 - i);
                    ps.setTimestamp(2, now);
                    ps.setString(3, String.valueOf(i));
                    ps.setLong(4, i);
                    ps.setString(5, "0".repeat(64));
                    ps.addBatch();
                    if ((i + 1) % 50 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            c.rollback();
            return ms;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
