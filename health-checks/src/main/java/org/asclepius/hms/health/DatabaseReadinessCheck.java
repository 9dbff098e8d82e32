package org.asclepius.hms.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and this deployment's migrations are applied with none failed. The load
 * balancer sends no traffic to a node that is not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        String version = SchemaStatus.migratedVersion();
        response.withData("schemaVersion", version == null ? "not migrated" : version);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            response.withData("database", c.getMetaData().getDatabaseProductName());
            try (ResultSet rs = s.executeQuery("select count(*) from \"flyway_schema_history\" where \"success\" = false")) {
                rs.next();
                long failed = rs.getLong(1);
                response.withData("failedMigrations", failed);
                return response.status(version != null && failed == 0).build();
            }
        } catch (SQLException e) {
            return response.withData("error", e.getClass().getSimpleName()).down().build();
        }
    }
}
