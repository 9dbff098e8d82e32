package org.asclepius.hms.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** OAuth 2.0 client-credential tokens from the test Keycloak, as an integration system obtains them. */
public final class Tokens {
    public static final String INTEGRATION_CLIENT = "hms-integration";

    private Tokens() {
    }

    /** The demo secret of a client, read from the realm export the test Keycloak imported. */
    public static String demoSecret(String clientId) throws Exception {
        JsonNode realm = new ObjectMapper().readTree(TestEnvironment.realmFile().toFile());
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client.path("secret").asText();
            }
        }
        throw new IllegalArgumentException("no client " + clientId);
    }

    public static String clientCredentials(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestEnvironment.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    public static String integrationToken() throws Exception {
        return clientCredentials(INTEGRATION_CLIENT, demoSecret(INTEGRATION_CLIENT));
    }

    /** The claims of a JWT (no signature check: the server under test does that). */
    public static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
