package org.asclepius.hms.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default SMS adapter: posts {@code {"to": …, "text": …}} as JSON to the provider's URL
 * ({@code hms.sms.gateway-url}, with {@code hms.sms.gateway-token} as a bearer token if set). Without a URL every
 * SMS fails with a message saying so, and staff see it in the outbox.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "hms.sms.gateway-url")
    Optional<String> url;
    @Inject
    @ConfigProperty(name = "hms.sms.gateway-token")
    Optional<String> token;

    @Override
    public void send(String phoneNumber, String text) throws DeliveryException {
        if (url.isEmpty() || url.get().isBlank()) {
            throw new DeliveryException("No SMS gateway is configured (set hms.sms.gateway-url).");
        }
        String json = Json.createObjectBuilder().add("to", phoneNumber).add("text", text).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.get()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<Void> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("The SMS gateway answered HTTP " + response.statusCode() + ".");
            }
        } catch (IOException e) {
            throw new DeliveryException("The SMS gateway could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while sending the SMS.", e);
        }
    }
}
