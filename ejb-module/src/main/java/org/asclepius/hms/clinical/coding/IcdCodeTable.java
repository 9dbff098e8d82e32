package org.asclepius.hms.clinical.coding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk reads and writes of the {@code icd10cm_code} table over plain JDBC in batches, shared by the schema
 * migration that ships the curated subset and by the loader of the official CMS files: a full code set is some
 * 74,000 rows, which JPA would write one entity at a time.
 */
final class IcdCodeTable {
    static final int BATCH = 1000;

    private IcdCodeTable() {
    }

    static Map<String, IcdLoadPlan.Existing> readAll(Connection c) throws SQLException {
        Map<String, IcdLoadPlan.Existing> all = new HashMap<>(100_000);
        try (PreparedStatement ps = c.prepareStatement("select code, display, billable, active from icd10cm_code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.put(rs.getString(1), new IcdLoadPlan.Existing(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
        }
        return all;
    }

    /** Applies a plan; codes added, updated and reactivated take the version of the file they came from. */
    static void apply(Connection c, IcdLoadPlan plan, String version, Instant now) throws SQLException {
        insert(c, plan.added(), version, now);
        List<IcdFileEntry> changed = new ArrayList<>(plan.updated());
        changed.addAll(plan.reactivated());
        update(c, changed, version, now);
        deactivate(c, plan.deactivated(), now);
    }

    static void insert(Connection c, List<IcdFileEntry> entries, String version, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into icd10cm_code (code, code_key, display, search_key,"
                + " billable, active, version, changed_at) values (?, ?, ?, ?, ?, true, ?, ?)")) {
            int pending = 0;
            for (IcdFileEntry e : entries) {
                ps.setString(1, e.code());
                ps.setString(2, IcdCodes.undotted(e.code()));
                ps.setString(3, e.display());
                ps.setString(4, SearchText.key(e.display()));
                ps.setBoolean(5, e.billable());
                ps.setString(6, version);
                ps.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    static void update(Connection c, List<IcdFileEntry> entries, String version, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update icd10cm_code set display = ?, search_key = ?,"
                + " billable = ?, active = true, version = ?, changed_at = ? where code = ?")) {
            int pending = 0;
            for (IcdFileEntry e : entries) {
                ps.setString(1, e.display());
                ps.setString(2, SearchText.key(e.display()));
                ps.setBoolean(3, e.billable());
                ps.setString(4, version);
                ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(6, e.code());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    static void deactivate(Connection c, List<String> codes, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update icd10cm_code set active = false, changed_at = ? where code = ?")) {
            int pending = 0;
            for (String code : codes) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(2, code);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }
}
