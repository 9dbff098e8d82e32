package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.asclepius.hms.systemtest.support.Browser;
import org.asclepius.hms.systemtest.support.DemoUser;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.WildFlyNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes started at the same moment on one empty PostgreSQL schema: the schema is migrated exactly once,
 * they form one cluster, both serve requests, and a signed-in user's session survives kill -9 of the node that
 * served it. Needs PostgreSQL (two servers cannot share an H2 file), so it runs with -Ppostgresql (as CI does).
 */
@ExtendWith(KeycloakServer.class)
@EnabledIfSystemProperty(named = "hms.it.db", matches = "postgresql")
class ClusterFailoverIT {
    private static final String MULTICAST = "230.0.0.43";

    @Test
    void twoNodesFormOneCluster_andASignedInSessionSurvivesKill9OfItsNode() throws Exception {
        Path work = Path.of(System.getProperty("hms.it.cluster.dir", "target/cluster"));
        String schema = "cluster_" + Long.toString(System.nanoTime(), 36);
        sql("create schema " + schema);
        Map<String, String> env = Map.of("HMS_DB_URL",
                System.getProperty("hms.it.db.url") + "?currentSchema=" + schema + ",public");
        try (WildFlyNode a = new WildFlyNode("it-node-a", 400, work.resolve("a"));
             WildFlyNode b = new WildFlyNode("it-node-b", 500, work.resolve("b"))) {
            a.start(MULTICAST, "hms-it-cluster", env);
            b.start(MULTICAST, "hms-it-cluster", env);
            a.awaitReady(Duration.ofMinutes(4));
            b.awaitReady(Duration.ofMinutes(4));

            // both ran their migration step at once; Flyway's lock let one apply each version exactly once
            assertThat(longValue("select count(*) from " + schema + ".flyway_schema_history"
                    + " where success and version in ('1', '1.1')")).isEqualTo(2);
            assertThat(longValue("select count(*) from (select version from " + schema + ".flyway_schema_history"
                    + " group by version having count(*) > 1) twice")).isZero();

            awaitClusterOfTwo(a, b);
            for (WildFlyNode node : new WildFlyNode[] {a, b}) {
                HttpResponse<Void> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.httpUrl() + "/hms/fhir/metadata")).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(metadata.statusCode()).as("node %s serves requests", node.httpUrl()).isEqualTo(200);
            }

            try (Browser browser = new Browser()) {
                DemoUser nurse = DemoUser.named("nurse");
                browser.signInAt(a.httpUrl(), nurse, "/hms/");
                assertThat(browser.pageSource()).contains("nurse");

                a.kill9();

                browser.driver().get(b.httpUrl() + "/hms/");
                browser.waitUntil(d -> d.getPageSource().contains("nurse") || d.getPageSource().contains("kc-login"));
                assertThat(browser.driver().getCurrentUrl()).startsWith(b.httpUrl());
                assertThat(browser.pageSource()).doesNotContain("kc-login").contains("nurse");
            }
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long longValue(String query) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(System.getProperty("hms.it.db.url"), System.getProperty("hms.it.db.user"),
                System.getProperty("hms.it.db.password"));
    }

    private static void awaitClusterOfTwo(WildFlyNode a, WildFlyNode b) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            // the node that joins second logs the view it joined (WFLYCLJG0033 ... (2) [a, b])
            if (hasViewOfTwo(a.serverLog()) || hasViewOfTwo(b.serverLog())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the two nodes did not form one cluster (no view with 2 members in their logs)");
    }

    static boolean hasViewOfTwo(String log) {
        return log.lines().anyMatch(l -> l.contains("view") && l.contains("(2)") && l.contains("it-node-a")
                && l.contains("it-node-b"));
    }
}
