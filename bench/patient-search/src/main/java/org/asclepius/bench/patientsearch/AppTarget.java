package org.asclepius.bench.patientsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.bench.common.ClientCredentials;
import org.asclepius.bench.common.TokenSource;

/** The application: FHIR {@code GET Patient?...} with a client-credentials bearer token, refreshed in the background. */
final class AppTarget implements LoadRunner.Target, AutoCloseable {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern FULL_URL = Pattern.compile("\"fullUrl\"\\s*:\\s*\"[^\"]*/Patient/(\\d+)");

    private final String fhirUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final TokenSource tokens;

    AppTarget(String fhirUrl, ClientCredentials credentials, Duration timeout) throws Exception {
        this.fhirUrl = fhirUrl.endsWith("/") ? fhirUrl.substring(0, fhirUrl.length() - 1) : fhirUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        this.tokens = new TokenSource(credentials);
    }

    @Override
    public LoadRunner.Worker worker(int client) {
        return this::search;
    }

    LoadRunner.Outcome search(BenchQuery q) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirUrl + "/Patient?" + q.fhirQuery))
                .timeout(timeout).header("Authorization", "Bearer " + tokens.token())
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
        tokens.close();
    }
}
