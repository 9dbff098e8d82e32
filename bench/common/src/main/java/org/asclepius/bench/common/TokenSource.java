package org.asclepius.bench.common;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client-credentials bearer token from Keycloak, refreshed in the background a minute before it runs out. */
public final class TokenSource implements AutoCloseable {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile String token;

    public TokenSource(ClientCredentials credentials) throws IOException, InterruptedException {
        this.tokenUrl = credentials.tokenUrl();
        this.clientId = credentials.clientId();
        this.clientSecret = credentials.clientSecret();
        long expiresIn = refresh();
        // tokens live 300 s here: refresh well before, off the measured path
        long every = Math.max(10, expiresIn - 60);
        refresher.scheduleAtFixedRate(() -> {
            try {
                refresh();
            } catch (Exception e) {
                System.err.println("token refresh failed: " + e);
            }
        }, every, every, TimeUnit.SECONDS);
    }

    public String token() {
        return token;
    }

    private long refresh() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("no token from " + tokenUrl + ": HTTP " + r.statusCode());
        }
        token = m.group(1);
        Matcher e = EXPIRES_IN.matcher(r.body());
        return e.find() ? Long.parseLong(e.group(1)) : 300;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
