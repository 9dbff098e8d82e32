package org.asclepius.hms.systemtest.support;

import java.nio.file.Path;

/** Settings passed by Maven (failsafe systemPropertyVariables) to the system tests. */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static String baseUrl() {
        return System.getProperty("hms.it.base-url", "http://localhost:8380");
    }

    public static Path ear() {
        return Path.of(System.getProperty("hms.ear", "target/hms.ear"));
    }

    public static int keycloakPort() {
        return Integer.getInteger("hms.it.keycloak.port", 8092);
    }

    public static String keycloakUrl() {
        return "http://localhost:" + keycloakPort();
    }

    public static String realmUrl() {
        return keycloakUrl() + "/realms/hms";
    }

    public static Path realmFile() {
        return Path.of(System.getProperty("hms.it.realm-file", "../wildfly-config/keycloak/hms-realm.json"));
    }

    /** The test server's log: what the tests sent must never show up in it (no patient data in logs). */
    public static String serverLog() throws java.io.IOException {
        Path log = Path.of(System.getProperty("hms.it.wildfly.base", "target/wildfly-base"), "log", "server.log");
        return java.nio.file.Files.exists(log) ? java.nio.file.Files.readString(log) : "";
    }

    public static String db() {
        return System.getProperty("hms.it.db", "h2");
    }
}
