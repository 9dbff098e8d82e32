package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.FhirClient.expect;
import static org.asclepius.hms.systemtest.support.FhirClient.issue;
import static org.asclepius.hms.systemtest.support.FhirClient.json;
import static org.asclepius.hms.systemtest.support.FhirClient.ok;
import static org.asclepius.hms.systemtest.support.FhirClient.resources;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.FhirClient;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schedule, Slot and Appointment over the FHIR API as an integration system uses them (client-credentials token
 * of {@code hms-integration}): free slots found, a slot booked, a taken slot refused with 409, bad input refused
 * with a field error, a booking cancelled and one moved, a patient's appointments found.
 *
 * <p>In-container: the clinic and the patients are set up through the EJBs; the API is called over HTTP from
 * inside the server, with JSON-P (Jackson and HAPI are not visible to the test archive). Keycloak is started by
 * {@link KeycloakServer} on the client side.
 */
// one @ExtendWith: two would compile to a container annotation the in-container runner does not find
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class FhirSchedulingIT {
    private static final String SERVICE_TYPE = "urn:asclepius:service-type";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(FhirSchedulingIT.class, FhirClient.class);
    }

    @EJB
    ScheduleService schedules;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist receptionist;

    private FhirClient fhir;
    private SchedulingFixture.Clinic clinic;

    /** A clinic of its own for each test (no shared slots) and a fresh token. */
    private void setUp() throws Exception {
        clinic = admin.call(() -> SchedulingFixture.create(schedules, "FHIR"));
        fhir = FhirClient.integration();
    }

    @Test
    void freeSlotsAreFound_booked_refusedWhenTaken_cancelled_andMoved() throws Exception {
        setUp();
        long patient = registerPatient();
        long otherPatient = registerPatient();
        Instant dayStart = SchedulingFixture.at(2, 0, 0);
        Instant ten = SchedulingFixture.at(2, 10, 0);

        // the provider's free slots of the day: 08:00-18:00 in 15 minutes
        JsonObject bundle = ok(fhir.get("/Slot?schedule=Schedule/" + clinic.providerId() + "&start=ge" + dayStart
                + "&start=lt" + SchedulingFixture.at(3, 0, 0) + "&status=free&_count=100"));
        assertThat(bundle.getInt("total")).isEqualTo(40);
        List<JsonObject> slots = resources(bundle);
        assertThat(slots).hasSize(40).allSatisfy(s -> {
            assertThat(s.getString("status")).isEqualTo("free");
            assertThat(s.getJsonObject("schedule").getString("reference"))
                    .isEqualTo("Schedule/" + clinic.providerId());
        });
        String slotId = slots.stream().filter(s -> instant(s.getString("start")).equals(ten)).findFirst()
                .orElseThrow().getString("id");
        // without start: from now for 14 days
        JsonObject coming = ok(fhir.get("/Slot?schedule=Schedule/" + clinic.providerId() + "&status=free&_count=1"));
        assertThat(coming.getInt("total")).isGreaterThan(40);
        assertThat(resources(coming)).singleElement().satisfies(s ->
                assertThat(instant(s.getString("start"))).isBefore(Instant.now().plus(Duration.ofDays(14))));
        // the provider's schedule
        JsonObject schedule = ok(fhir.get("/Schedule/" + clinic.providerId()));
        assertThat(schedule.getJsonArray("actor").getJsonObject(0).getString("reference"))
                .isEqualTo("Practitioner/" + clinic.providerId());
        assertThat(schedule.getString("comment")).isEqualTo(clinic.department());

        // book the slot: 201 with Location, and the slot is busy
        HttpResponse<String> created = fhir.send("POST", "/Appointment", bySlot(patient, slotId, ten).build(), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/Appointment/"));
        JsonObject booked = json(created.body());
        String appointmentId = booked.getString("id");
        assertThat(booked.getString("status")).isEqualTo("booked");
        assertThat(instant(booked.getString("start"))).isEqualTo(ten);
        assertThat(actors(booked)).containsExactly("Patient/" + patient, "Practitioner/" + clinic.providerId());
        assertThat(ok(fhir.get("/Slot/" + slotId)).getString("status")).isEqualTo("busy");

        // the same slot for another patient: 409, issue conflict
        HttpResponse<String> taken = fhir.send("POST", "/Appointment", bySlot(otherPatient, slotId, ten).build(), null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        JsonObject conflict = issue(taken);
        assertThat(conflict.getString("code")).isEqualTo("conflict");
        assertThat(conflict.getString("diagnostics")).contains("already booked");

        // cancel with a reason: cancelled, the slot is free again; the old version is refused
        String version = booked.getJsonObject("meta").getString("versionId");
        JsonObject cancel = Json.createObjectBuilder(booked).add("status", "cancelled")
                .add("cancelationReason", Json.createObjectBuilder().add("text", "patient feels better")).build();
        JsonObject cancelled = ok(fhir.send("PUT", "/Appointment/" + appointmentId, cancel, version));
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getJsonObject("cancelationReason").getString("text")).isEqualTo("patient feels better");
        assertThat(ok(fhir.get("/Slot/" + slotId)).getString("status")).isEqualTo("free");
        HttpResponse<String> stale = fhir.send("PUT", "/Appointment/" + appointmentId, cancel, version);
        assertThat(stale.statusCode()).as(stale.body()).isIn(409, 412);

        // book by participant at 11:00, then move it to 11:30 (status stays booked)
        Instant eleven = SchedulingFixture.at(2, 11, 0);
        Instant elevenThirty = SchedulingFixture.at(2, 11, 30);
        JsonObject second = json(expect(201, fhir.send("POST", "/Appointment", byProvider(patient, eleven, null)
                .build(), null)));
        JsonObject move = Json.createObjectBuilder(second).add("start", elevenThirty.toString())
                .add("end", elevenThirty.plus(Duration.ofMinutes(15)).toString()).build();
        JsonObject moved = ok(fhir.send("PUT", "/Appointment/" + second.getString("id"), move,
                second.getJsonObject("meta").getString("versionId")));
        assertThat(moved.getString("status")).isEqualTo("booked");
        assertThat(instant(moved.getString("start"))).isEqualTo(elevenThirty);
        assertThat(Long.parseLong(moved.getJsonObject("meta").getString("versionId")))
                .isGreaterThan(Long.parseLong(second.getJsonObject("meta").getString("versionId")));
        assertThat(slotStatusAt(eleven)).isEqualTo("free");
        assertThat(slotStatusAt(elevenThirty)).isEqualTo("busy");

        // the patient's appointments: both, and the day narrows nothing away
        JsonObject mine = ok(fhir.get("/Appointment?patient=Patient/" + patient));
        assertThat(resources(mine)).extracting(a -> a.getString("id"))
                .containsExactlyInAnyOrder(appointmentId, second.getString("id"));
        JsonObject booked11 = ok(fhir.get("/Appointment?patient=Patient/" + patient + "&status=booked&date=ge"
                + dayStart + "&date=lt" + SchedulingFixture.at(3, 0, 0)));
        assertThat(resources(booked11)).extracting(a -> a.getString("id")).containsExactly(second.getString("id"));
    }

    @Test
    void badInput_isRefusedWithAnOperationOutcomeNamingTheField_never500() throws Exception {
        setUp();
        long patient = registerPatient();
        Instant ten = SchedulingFixture.at(2, 10, 0);

        JsonObject unknownService = byProvider(patient, ten, null)
                .add("serviceType", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("coding", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("system", SERVICE_TYPE).add("code", "NO-SUCH-SERVICE"))))).build();
        assertFieldError(fhir.send("POST", "/Appointment", unknownService, null), "Appointment.serviceType");

        JsonObject past = byProvider(patient, SchedulingFixture.at(-1, 10, 0), null).build();
        assertFieldError(fhir.send("POST", "/Appointment", past, null), "Appointment.start");

        JsonObject endBeforeStart = byProvider(patient, ten, ten.minus(Duration.ofMinutes(15))).build();
        assertFieldError(fhir.send("POST", "/Appointment", endBeforeStart, null), "Appointment.end");

        JsonObject afterHours = byProvider(patient, SchedulingFixture.at(2, 20, 0), null).build();
        assertFieldError(fhir.send("POST", "/Appointment", afterHours, null), "Appointment.start");

        JsonObject unknownSlot = bySlot(patient, "999999999", ten).build();
        assertFieldError(fhir.send("POST", "/Appointment", unknownSlot, null), "Appointment.slot[0]");

        String slotAtEleven = slotIdAt(SchedulingFixture.at(2, 11, 0));
        JsonObject slotElsewhen = bySlot(patient, slotAtEleven, ten).build();
        assertFieldError(fhir.send("POST", "/Appointment", slotElsewhen, null), "Appointment.slot[0]");

        // nothing was booked by any of them
        assertThat(resources(ok(fhir.get("/Appointment?patient=Patient/" + patient)))).isEmpty();
    }

    // ---------------------------------------------------------------- resources

    private JsonObjectBuilder appointment(Instant start, Instant end) {
        JsonObjectBuilder a = Json.createObjectBuilder()
                .add("resourceType", "Appointment")
                .add("status", "booked")
                .add("serviceType", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("coding", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("system", SERVICE_TYPE).add("code", clinic.consultation())))))
                .add("start", start.toString());
        if (end != null) {
            a.add("end", end.toString());
        }
        return a;
    }

    private JsonObjectBuilder bySlot(long patient, String slotId, Instant start) {
        return appointment(start, start.plus(Duration.ofMinutes(15)))
                .add("slot", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("reference", "Slot/" + slotId)))
                .add("participant", Json.createArrayBuilder().add(participant("Patient/" + patient)));
    }

    private JsonObjectBuilder byProvider(long patient, Instant start, Instant end) {
        return appointment(start, end)
                .add("participant", Json.createArrayBuilder()
                        .add(participant("Patient/" + patient))
                        .add(participant("Practitioner/" + clinic.providerId())));
    }

    private static JsonObjectBuilder participant(String reference) {
        return Json.createObjectBuilder().add("actor", Json.createObjectBuilder().add("reference", reference))
                .add("status", "accepted");
    }

    private long registerPatient() throws Exception {
        return receptionist.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Sched"),
                "Ada", LocalDate.of(1984, 4, 4)))).id();
    }

    private String slotIdAt(Instant start) throws Exception {
        JsonObject bundle = ok(fhir.get("/Slot?schedule=Schedule/" + clinic.providerId() + "&start=" + start));
        return resources(bundle).stream().filter(s -> instant(s.getString("start")).equals(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no slot at " + start + ": " + bundle)).getString("id");
    }

    private String slotStatusAt(Instant start) throws Exception {
        return ok(fhir.get("/Slot/" + slotIdAt(start))).getString("status");
    }

    private static List<String> actors(JsonObject appointment) {
        List<String> actors = new ArrayList<>();
        for (JsonValue p : appointment.getJsonArray("participant")) {
            actors.add(p.asJsonObject().getJsonObject("actor").getString("reference"));
        }
        return actors;
    }

    private static Instant instant(String fhirDateTime) {
        return OffsetDateTime.parse(fhirDateTime).toInstant();
    }

    private static void assertFieldError(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        JsonObject outcome = json(response.body());
        assertThat(outcome.getString("resourceType")).isEqualTo("OperationOutcome");
        List<String> expressions = new ArrayList<>();
        for (JsonValue issue : outcome.getJsonArray("issue")) {
            JsonArray expression = issue.asJsonObject().getJsonArray("expression");
            if (expression != null) {
                expression.forEach(e -> expressions.add(((jakarta.json.JsonString) e).getString()));
            }
        }
        assertThat(expressions).as(response.body()).anySatisfy(e -> assertThat(e).startsWith(field));
    }
}
