package org.asclepius.hms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.asclepius.hms.clinical.coding.LoadCodeSets;
import org.asclepius.hms.health.SchemaStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations when the application starts, before it serves anything. Safe when two nodes
 * start at once: Flyway holds a database lock (a PostgreSQL advisory lock) while it migrates, so the second
 * node waits and then finds nothing left to do.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String vendor = vendor();
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(true)
                // the batch job repository (JBeret) creates its own tables in the same schema on first use,
                // so the schema may be non-empty before our first migration: start the history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // migrations written in Java, registered here rather than found by class-path scanning
                .javaMigrations(new LoadCodeSets())
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
        LOG.info(() -> "Database schema (" + vendor + ") at version " + version + "; " + result.migrationsExecuted
                + " migration(s) applied now");
        SchemaStatus.markMigrated(version);
    }

    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Unsupported database: " + product + " (use PostgreSQL or H2)");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
    }
}
