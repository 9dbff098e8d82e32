package org.asclepius.bench.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks, before a seeder writes, that the app's schema is there and that the seeder fills every required column. */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * Every table in {@code written} must exist (the app's Flyway created it), and each of its columns that is
     * NOT NULL without a default must be among the columns the seeder writes: a later migration that adds a required
     * column stops the seeder here instead of half-way through its transaction.
     */
    public static void requireFilled(Connection c, Map<String, Set<String>> written) throws SQLException {
        Set<String> problems = new TreeSet<>();
        for (Map.Entry<String, Set<String>> table : written.entrySet()) {
            int columns = 0;
            try (PreparedStatement ps = c.prepareStatement("select column_name, is_nullable, column_default"
                    + " from information_schema.columns where table_schema = current_schema() and table_name = ?")) {
                ps.setString(1, table.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns++;
                        String column = rs.getString(1);
                        boolean required = "NO".equals(rs.getString(2)) && rs.getString(3) == null;
                        if (required && !table.getValue().contains(column)) {
                            problems.add(table.getKey() + "." + column);
                        }
                    }
                }
            }
            if (columns == 0) {
                throw new IllegalStateException("no table " + table.getKey() + " here: start the app on this database"
                        + " first (./hms start --db postgresql with HMS_DB_URL) so that its Flyway creates the schema");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the schema has required columns this seeder does not fill: " + problems
                    + " (a newer migration): teach Seeder to fill them");
        }
    }
}
