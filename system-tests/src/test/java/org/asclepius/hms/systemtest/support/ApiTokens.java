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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens for the API as the test server's realm issues them. A demo staff user's is obtained the way the staff screens obtain them: the authorization-code flow
 * of the {@code hms-web} client with PKCE, signing in on Keycloak's pages with the password and a TOTP code (the
 * realm allows no password grant). The token carries the user's name and roles, and {@code hms-api} in its
 * audience, so the FHIR API treats the caller as that person. Usable inside the test server (JSON-P, the JDK's
 * HTTP client) and outside. The integration client's is a client-credentials token.
 */
public final class ApiTokens {
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*/login-actions/[^\"]*)\"");
    private static final Pattern OTP_FIELD = Pattern.compile("name=\"otp\"");
    private static final String CLIENT = "hms-web";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Keycloak's cookies, kept by hand: the JDK's cookie manager never sends a Secure cookie over plain HTTP. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private ApiTokens() {
    }

    /** Tokens signed in for, by user: each sign-in needs a TOTP code of its own, so a test class reuses them. */
    private static final Map<String, Token> SIGNED_IN = new java.util.concurrent.ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    /**
     * An access token of the demo user (password and TOTP secret from the realm export the test Keycloak imports);
     * one signed in for earlier is reused while it has more than a minute to live.
     */
    public static synchronized String user(String username) throws Exception {
        Token token = SIGNED_IN.get(username);
        if (token == null || token.expires().isBefore(Instant.now().plusSeconds(60))) {
            token = new ApiTokens().signIn(username);
            SIGNED_IN.put(username, token);
        }
        return token.value();
    }

    /** A client-credentials token of {@code hms-integration} (role integration, no clinical role). */
    public static String integration() throws Exception {
        String secret = realmExport().getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> "hms-integration".equals(c.getString("clientId", null))).findFirst().orElseThrow()
                .getString("secret");
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realmUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", "hms-integration", "client_secret", secret)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as("token: " + token.body()).isEqualTo(200);
        return json(token.body()).getString("access_token");
    }

    private Token signIn(String username) throws Exception {
        JsonObject realm = realmExport();
        JsonObject user = realm.getJsonArray("users").stream().map(JsonValue::asJsonObject)
                .filter(u -> username.equals(u.getString("username"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
        String password = null;
        String totpSecret = null;
        for (JsonValue c : user.getJsonArray("credentials")) {
            JsonObject credential = c.asJsonObject();
            if ("password".equals(credential.getString("type"))) {
                password = credential.getString("value");
            } else if ("otp".equals(credential.getString("type"))) {
                totpSecret = json(credential.getString("secretData")).getString("value");
            }
        }
        String secret = realm.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> CLIENT.equals(c.getString("clientId", null))).findFirst().orElseThrow()
                .getString("secret");

        String redirect = TestEnvironment.baseUrl() + "/hms/";
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String realmUrl = realmUrl();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(realmUrl
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + CLIENT
                + "&redirect_uri=" + enc(redirect) + "&state=it&code_challenge=" + challenge
                + "&code_challenge_method=S256")).GET());
        assertThat(page.statusCode()).as("login page").isEqualTo(200);

        HttpResponse<String> otpPage = post(action(page), Map.of("username", username, "password", password,
                "credentialId", ""));
        assertThat(otpPage.statusCode()).as("password accepted: " + otpPage.body()).isEqualTo(200);
        assertThat(OTP_FIELD.matcher(otpPage.body()).find()).as("asked for the one-time code").isTrue();

        HttpResponse<String> done = otpPage;
        for (int attempt = 0; attempt < 3 && done.statusCode() == 200; attempt++) {
            // a code already used in this time step (e.g. by a browser test signing in as the same user) is
            // refused: Totp.freshCode then waits for the next step
            done = post(action(done), Map.of("otp", Totp.freshCode(username, totpSecret), "login", "Sign In"));
        }
        assertThat(done.statusCode()).as("signed in with the one-time code").isEqualTo(302);
        String location = done.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as("authorization code in " + location.replaceAll("code=[^&]+", "code=…")).isTrue();

        String form = form(Map.of("grant_type", "authorization_code", "code", code.group(1), "redirect_uri", redirect,
                "client_id", CLIENT, "client_secret", secret, "code_verifier", verifier));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realmUrl
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as("token: " + token.body()).isEqualTo(200);
        JsonObject answer = json(token.body());
        return new Token(answer.getString("access_token"), Instant.now().plusSeconds(answer.getInt("expires_in")));
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((k, v) -> pairs.add(k + "=" + v));
            request.header("Cookie", String.join("; ", pairs));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static String action(HttpResponse<String> page) {
        Matcher m = FORM_ACTION.matcher(page.body());
        assertThat(m.find()).as("a sign-in form on Keycloak's page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        return String.join("&", pairs);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The realm the server trusts, so that the token's issuer matches. */
    private static String realmUrl() {
        return System.getenv().getOrDefault("HMS_OIDC_PROVIDER_URL", TestEnvironment.realmUrl());
    }

    private static JsonObject realmExport() throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(TestEnvironment.realmFile()));
        String serverBase = System.getProperty("jboss.server.base.dir");
        if (serverBase != null) {
            // the test server's base directory is system-tests/target/wildfly-base
            candidates.add(Path.of(serverBase, "..", "..", "..", "wildfly-config", "keycloak", "hms-realm.json"));
        }
        Path file = candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("realm export not found at " + candidates));
        return json(Files.readString(file));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
