package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.asclepius.hms.systemtest.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The health endpoints a load balancer polls. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void readiness_reportsTheDatabaseReachableAndMigrated() throws Exception {
        JsonNode ready = health("/health/ready");
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        JsonNode database = null;
        for (JsonNode check : ready.path("checks")) {
            if ("database".equals(check.path("name").asText())) {
                database = check;
            }
        }
        assertThat(database).as("the application's database check is registered").isNotNull();
        assertThat(database.path("status").asText()).isEqualTo("UP");
        assertThat(database.path("data").path("schemaVersion").asText()).isNotEqualTo("not migrated");
        assertThat(database.path("data").path("failedMigrations").asLong()).isZero();
    }

    @Test
    void liveness_isUp() throws Exception {
        JsonNode live = health("/health/live");
        assertThat(live.path("status").asText()).isEqualTo("UP");
        assertThat(live.path("checks").toString()).contains("application");
    }

    private static JsonNode health(String path) throws Exception {
        int port = Integer.getInteger("hms.it.management-port", 10290);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }
}
