package org.asclepius.bench.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.bench.common.TokenSource;

/**
 * One client of the race: its own HttpClient (its own connections), sending FHIR {@code POST Appointment} for a
 * slot and a patient. Returns the HTTP status (0 when there was no answer), the new appointment's id from the
 * Location header of a 201, and a short error text for anything but 201 or a 409 with its OperationOutcome.
 */
final class BookingClient {
    private static final Pattern LOCATION = Pattern.compile("Appointment/(\\d+)");

    record Answer(int status, long appointmentId, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final TokenSource tokens;
    private final Duration timeout;

    BookingClient(TokenSource tokens, Duration timeout) {
        this.tokens = tokens;
        this.timeout = timeout;
    }

    Answer book(String fhirBase, String serviceCode, Fixture.BenchSlot slot, long patientId) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase + "/Appointment")).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.token())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(appointment(serviceCode, slot, patientId))).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Answer(0, -1, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(0, -1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        int status = r.statusCode();
        if (status == 201) {
            String location = r.headers().firstValue("Location").orElse("");
            Matcher m = LOCATION.matcher(location);
            return m.find() ? new Answer(201, Long.parseLong(m.group(1)), null)
                    : new Answer(201, -1, "201 without an Appointment/<id> Location (got '" + location + "')");
        }
        if (status == 409 && r.body().contains("OperationOutcome")) {
            return new Answer(409, -1, null);
        }
        return new Answer(status, -1, "HTTP " + status + " " + brief(r.body()));
    }

    /** The Appointment the FHIR API accepts for a booking (one slot of one resource, one patient). */
    static String appointment(String serviceCode, Fixture.BenchSlot slot, long patientId) {
        return "{\"resourceType\":\"Appointment\",\"status\":\"booked\","
                + "\"serviceType\":[{\"coding\":[{\"system\":\"urn:asclepius:service-type\",\"code\":\"" + serviceCode
                + "\"}]}],"
                + "\"start\":\"" + slot.start() + "\",\"end\":\"" + slot.end() + "\","
                + "\"slot\":[{\"reference\":\"Slot/" + slot.id() + "\"}],"
                + "\"participant\":[{\"actor\":{\"reference\":\"Patient/" + patientId + "\"},\"status\":\"accepted\"}]}";
    }

    private static String brief(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ");
        return s.substring(0, Math.min(200, s.length()));
    }
}
