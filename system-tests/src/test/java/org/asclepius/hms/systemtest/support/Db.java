package org.asclepius.hms.systemtest.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What in-container tests check or change directly in the database, always with bound parameters. */
public final class Db {
    private Db() {
    }

    /** The first column of every row, as text. */
    public static List<String> column(DataSource db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    /** A single number (count, max…). */
    public static long number(DataSource db, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(column(db, sql, parameters).get(0));
    }

    /** A single text value (a status…). */
    public static String text(DataSource db, String sql, Object... parameters) throws SQLException {
        return column(db, sql, parameters).get(0);
    }

    /** A statement without results (used to play the part of someone tampering with the database). */
    public static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
