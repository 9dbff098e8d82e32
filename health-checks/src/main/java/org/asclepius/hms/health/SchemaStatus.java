package org.asclepius.hms.health;

/**
 * Set by the EJB module when Flyway has brought the schema up to date. Lives in the EAR's lib/ so that the
 * health checks (which cannot see EJB-module classes) can read it.
 */
public final class SchemaStatus {
    private static volatile String migratedVersion;

    private SchemaStatus() {
    }

    public static void markMigrated(String version) {
        migratedVersion = version;
    }

    /** The schema version after the migrations of this deployment ran, or null if they have not (yet). */
    public static String migratedVersion() {
        return migratedVersion;
    }
}
