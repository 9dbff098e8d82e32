package org.asclepius.hms.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The FHIR API over HTTP from inside the test server, as an integration system calls it: a client-credentials
 * token of {@code hms-integration} and JSON-P (Jackson and HAPI are not visible to the test archive). Add it to the
 * deployment ({@code Deployments.earWithTests(Test.class, FhirClient.class)}); Keycloak is started by
 * {@link KeycloakServer} on the client side.
 */
public final class FhirClient {
    public static final String FHIR_JSON = "application/fhir+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    private FhirClient() throws Exception {
        this.token = integrationToken();
    }

    /** A client with a fresh token of {@code hms-integration}. */
    public static FhirClient integration() throws Exception {
        return new FhirClient();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, null);
    }

    public HttpResponse<String> send(String method, String pathAndQuery, JsonObject body, String ifMatchVersion)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fhirBase() + encodeQuery(pathAndQuery)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", FHIR_JSON);
        if (ifMatchVersion != null) {
            request.header("If-Match", "W/\"" + ifMatchVersion + "\"");
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", FHIR_JSON + "; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String fhirBase() {
        return System.getProperty("hms.it.base-url", "http://127.0.0.1:8380") + "/hms/fhir";
    }

    /** The values of the query encoded (instants carry ':' and '+'). */
    static String encodeQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return pathAndQuery;
        }
        StringBuilder sb = new StringBuilder(pathAndQuery.substring(0, q + 1));
        String[] pairs = pathAndQuery.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            sb.append(i == 0 ? "" : "&").append(pairs[i], 0, eq + 1)
                    .append(URLEncoder.encode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    public static String expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    public static JsonObject ok(HttpResponse<String> response) {
        return json(expect(200, response));
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The resources of a search Bundle, in order. */
    public static List<JsonObject> resources(JsonObject bundle) {
        assertThat(bundle.getString("resourceType")).isEqualTo("Bundle");
        List<JsonObject> found = new ArrayList<>();
        for (JsonValue entry : bundle.getJsonArray("entry") == null ? JsonValue.EMPTY_JSON_ARRAY
                : bundle.getJsonArray("entry")) {
            found.add(entry.asJsonObject().getJsonObject("resource"));
        }
        return found;
    }

    /** The first issue of an OperationOutcome answer. */
    public static JsonObject issue(HttpResponse<String> response) {
        JsonObject outcome = json(response.body());
        assertThat(outcome.getString("resourceType")).isEqualTo("OperationOutcome");
        return outcome.getJsonArray("issue").getJsonObject(0);
    }

    /**
     * A client-credentials token of {@code hms-integration}, fetched from inside the server: from the realm the
     * server trusts ({@code HMS_OIDC_PROVIDER_URL}, so that the issuer matches), with the demo secret of the realm
     * export the test Keycloak imported.
     */
    private String integrationToken() throws Exception {
        String realm = System.getenv().getOrDefault("HMS_OIDC_PROVIDER_URL", TestEnvironment.realmUrl());
        String form = "grant_type=client_credentials&client_id=hms-integration&client_secret="
                + URLEncoder.encode(demoSecret("hms-integration"), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token request: " + response.body()).isEqualTo(200);
        return json(response.body()).getString("access_token");
    }

    private static String demoSecret(String clientId) throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(TestEnvironment.realmFile()));
        String serverBase = System.getProperty("jboss.server.base.dir");
        if (serverBase != null) {
            // the test server's base directory is system-tests/target/wildfly-base
            candidates.add(Path.of(serverBase, "..", "..", "..", "wildfly-config", "keycloak", "hms-realm.json"));
        }
        Path realmFile = candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("realm export not found at " + candidates));
        for (JsonValue client : json(Files.readString(realmFile)).getJsonArray("clients")) {
            if (clientId.equals(client.asJsonObject().getString("clientId", null))) {
                return client.asJsonObject().getString("secret");
            }
        }
        throw new IllegalStateException("no client " + clientId + " in " + realmFile);
    }
}
