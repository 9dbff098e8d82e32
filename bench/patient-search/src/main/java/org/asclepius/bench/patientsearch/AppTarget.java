package org.asclepius.bench.patientsearch;

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

/** The application: FHIR {@code GET Patient?...} with a client-credentials bearer token, refreshed in the background. */
final class AppTarget implements LoadRunner.Target, AutoCloseable {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern FULL_URL = Pattern.compile("\"fullUrl\"\\s*:\\s*\"[^\"]*/Patient/(\\d+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final String fhirUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile String token;

    AppTarget(String fhirUrl, String tokenUrl, String clientId, String clientSecret, Duration timeout) throws Exception {
        this.fhirUrl = fhirUrl.endsWith("/") ? fhirUrl.substring(0, fhirUrl.length() - 1) : fhirUrl;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
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
    public LoadRunner.Worker worker(int client) {
        return this::search;
    }

    LoadRunner.Outcome search(BenchQuery q) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirUrl + "/Patient?" + q.fhirQuery))
                .timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            String body = r.body();
            return new LoadRunner.Outcome(false, -1, -1, "HTTP " + r.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " "));
        }
        String body = r.body();
        Matcher t = TOTAL.matcher(body);
        long hits = t.find() ? Long.parseLong(t.group(1)) : -1;
        int rank = 0;
        Matcher u = FULL_URL.matcher(body);
        String target = Long.toString(q.targetPatientId);
        for (int i = 1; u.find(); i++) {
            if (u.group(1).equals(target)) {
                rank = i;
                break;
            }
        }
        return new LoadRunner.Outcome(true, hits, rank, null);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
