package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.ejb.EJBAccessException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.audit.AuditOutcome;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.Sex;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTP, in-process: HAPI's RestfulServer in Undertow (what WildFly runs) with the trimmed WAR
 * classpath, the EJBs replaced by {@link FakePatientService}. The container's token check is not part of this:
 * the deployment check covers it.
 */
class FhirApiTest {
    static final FhirContext CTX = HmsFhirServer.newContext();
    static final FakePatientService patients = new FakePatientService();
    static final FhirExceptionInterceptorTest.RecordingAuditTrail audit =
            new FhirExceptionInterceptorTest.RecordingAuditTrail();
    static Undertow undertow;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    /** Everything logged while the API runs: checked for patient data after each test. */
    static final List<String> logged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    static final java.util.logging.Handler capture = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            logged.add(record.getLoggerName() + " " + record.getMessage() + " "
                    + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() throws Exception {
        java.util.logging.Logger.getLogger("").addHandler(capture);
        java.util.logging.Logger.getLogger("ca.uhn.fhir").setLevel(java.util.logging.Level.FINE);
        HmsFhirServer server = new HmsFhirServer(patients, audit);
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(FhirApiTest.class.getClassLoader())
                .setContextPath("/hms/fhir")
                .setDeploymentName("hms-fhir")
                .addServlet(Servlets.servlet("fhir", HmsFhirServer.class, new ImmediateInstanceFactory<>(server))
                        .addMapping("/*").setLoadOnStartup(1));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path().addPrefixPath("/hms/fhir", manager.start()))
                .build();
        undertow.start();
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        base = "http://127.0.0.1:" + port + "/hms/fhir";
    }

    @AfterAll
    static void stop() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
        if (undertow != null) {
            undertow.stop();
        }
    }

    @BeforeEach
    void reset() {
        patients.reset();
        audit.attempts.clear();
        logged.clear();
    }

    @org.junit.jupiter.api.AfterEach
    void nothingIdentifyingWasLogged() {
        // the names, dates and identifiers the tests use
        assertThat(logged).noneMatch(line -> line.contains("Smith") || line.contains("Smythe")
                || line.contains("1980-") || line.contains("31.01.1990") || line.contains("X1234567")
                || line.contains("Doe"));
    }

    @Test
    void metadata_isACapabilityStatementListingPatient() throws Exception {
        HttpResponse<String> response = get("/metadata", "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(200);
        CapabilityStatement cs = parse(response, CapabilityStatement.class);
        assertThat(cs.getSoftware().getName()).isEqualTo("Asclepius HMS FHIR");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType()).contains("Patient");
        assertThat(cs.getRestFirstRep().getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("OAuth");
    }

    @Test
    void metadata_inXml() throws Exception {
        HttpResponse<String> response = get("/metadata", "application/fhir+xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/fhir+xml"));
        assertThat(CTX.newXmlParser().parseResource(CapabilityStatement.class, response.body())).isNotNull();
    }

    @Test
    void create_returns201_withLocationAndTheStoredResource() throws Exception {
        Patient p = FhirPatientMapperTest.newPatient();
        p.addIdentifier().setSystem(IdentifierType.PASSPORT.getSystem()).setValue("X1234567");

        HttpResponse<String> response = send("POST", "/Patient", CTX.newJsonParser().encodeResourceToString(p),
                "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/hms/fhir/Patient/1/_history/0"));
        Patient created = parse(response, Patient.class);
        assertThat(created.getIdentifierFirstRep().getSystem()).isEqualTo(IdentifierType.MRN_SYSTEM);
        assertThat(patients.records.get(1L).identifiers()).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo(IdentifierType.PASSPORT));
    }

    @Test
    void create_inXml() throws Exception {
        Patient p = FhirPatientMapperTest.newPatient();

        HttpResponse<String> response = send("POST", "/Patient", CTX.newXmlParser().encodeResourceToString(p),
                "application/fhir+xml", null);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(patients.records.get(1L).familyName()).isEqualTo("Doe");
    }

    @Test
    void create_withBadFields_is422_withIssuesAtFhirPaths() throws Exception {
        Patient p = new Patient();
        p.addName().addGiven("Jane");
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        p.addIdentifier().setSystem(IdentifierType.PASSPORT.getSystem()).setValue("no!");

        HttpResponse<String> response = send("POST", "/Patient", CTX.newJsonParser().encodeResourceToString(p),
                "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(422);
        OperationOutcome oo = parse(response, OperationOutcome.class);
        assertThat(oo.getIssue()).extracting(i -> i.getExpression().get(0).getValue()).containsExactly(
                "Patient.name[0].family", "Patient.birthDate", "Patient.identifier[0].value");
        assertThat(oo.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                .containsExactly("enter the family name", "enter the date of birth",
                        "Passport must be 6 to 12 letters or digits");
    }

    @Test
    void create_withUnknownIdentifierSystem_is422_andTheServiceIsNotCalled() throws Exception {
        Patient p = FhirPatientMapperTest.newPatient();
        p.addIdentifier().setSystem("http://example.org/ids").setValue("1");

        HttpResponse<String> response = send("POST", "/Patient", CTX.newJsonParser().encodeResourceToString(p),
                "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Patient.identifier[0].system");
        assertThat(patients.calls).isEmpty();
    }

    @Test
    void create_withMalformedJson_is400() throws Exception {
        HttpResponse<String> response = send("POST", "/Patient", "{\"resourceType\":\"Patient\", \"name\": [",
                "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response, OperationOutcome.class).getIssue()).isNotEmpty();
        assertThat(patients.calls).isEmpty();
    }

    @Test
    void create_withInvalidValue_is400_notStoredHalfRead() throws Exception {
        HttpResponse<String> response = send("POST", "/Patient",
                "{\"resourceType\":\"Patient\",\"birthDate\":\"31.01.1990\",\"name\":[{\"family\":\"Doe\"}]}",
                "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(patients.calls).isEmpty();
    }

    @Test
    void read_returnsThePatient_withETag() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));

        HttpResponse<String> response = get("/Patient/" + r.id(), "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/fhir+json"));
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"0\"");
        Patient p = parse(response, Patient.class);
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Smith");
        assertThat(p.getMeta().getVersionId()).isEqualTo("0");
    }

    @Test
    void read_unknownOrNonNumericId_is404() throws Exception {
        assertThat(get("/Patient/999", "application/fhir+json").statusCode()).isEqualTo(404);
        assertThat(get("/Patient/abc", "application/fhir+json").statusCode()).isEqualTo(404);
    }

    @Test
    void read_whenTheRoleIsMissing_is403_andAudited() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        patients.failWith(() -> new EJBAccessException("WFLYEJB0364: Invocation on method get is not allowed"));

        HttpResponse<String> response = get("/Patient/" + r.id(), "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("WFLYEJB");
        assertThat(audit.attempts).singleElement().satisfies(a -> {
            assertThat(a.get(0)).isEqualTo(AuditOutcome.DENIED);
            assertThat(a.get(4)).isEqualTo(r.id());
            assertThat(a.get(5)).isEqualTo("FHIR read");
        });
    }

    @Test
    void unexpectedFailure_is500_withAGenericOutcome() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        patients.failWith(() -> new IllegalStateException("Smith 1980-02-29 broke"));

        HttpResponse<String> response = get("/Patient/" + r.id(), "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("Smith").doesNotContain("IllegalState")
                .doesNotContain("at org.");
        assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .contains("reference");
    }

    @Test
    void update_withIfMatch_savesTheNextVersion() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        Patient p = FhirPatientMapper.toFhir(r);
        p.getNameFirstRep().setFamily("Smythe");
        p.setMeta(null);
        p.setId("Patient/" + r.id());

        HttpResponse<String> response = send("PUT", "/Patient/" + r.id(),
                CTX.newJsonParser().encodeResourceToString(p), "application/fhir+json", "W/\"0\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(patients.calls).containsExactly("update " + r.id() + " v0");
        assertThat(parse(response, Patient.class).getMeta().getVersionId()).isEqualTo("1");
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(patients.records.get(r.id()).familyName()).isEqualTo("Smythe");
    }

    @Test
    void update_withMetaVersionIdOnly_isAccepted() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        Patient p = FhirPatientMapper.toFhir(r);

        HttpResponse<String> response = send("PUT", "/Patient/" + r.id(),
                CTX.newJsonParser().encodeResourceToString(p), "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(patients.calls).containsExactly("update " + r.id() + " v0");
    }

    @Test
    void update_withoutAnyVersion_is412() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        Patient p = FhirPatientMapper.toFhir(r);
        p.setMeta(null);
        p.setId("Patient/" + r.id());

        HttpResponse<String> response = send("PUT", "/Patient/" + r.id(),
                CTX.newJsonParser().encodeResourceToString(p), "application/fhir+json", null);

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("If-Match");
        assertThat(patients.calls).isEmpty();
    }

    @Test
    void update_ofAStaleVersion_is409() throws Exception {
        PatientRecord r = stored("Smith", LocalDate.of(1980, 2, 29));
        Patient p = FhirPatientMapper.toFhir(r);
        patients.update(r.id(), 0, r.toData());

        HttpResponse<String> response = send("PUT", "/Patient/" + r.id(),
                CTX.newJsonParser().encodeResourceToString(p), "application/fhir+json", "W/\"0\"");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .contains("changed by nurse1");
    }

    @Test
    void search_pagesByOffset_withTotalAndLinks() throws Exception {
        for (int i = 0; i < 5; i++) {
            stored("Smith", LocalDate.of(1980, 1, 1 + i));
        }

        Bundle first = parse(get("/Patient?family=Smi&_count=2", "application/fhir+json"), Bundle.class);
        Bundle second = parse(get("/Patient?family=Smi&_count=2&_offset=2", "application/fhir+json"), Bundle.class);
        Bundle last = parse(get("/Patient?family=Smi&_count=2&_offset=4", "application/fhir+json"), Bundle.class);

        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=2").contains("_count=2")
                .contains("family=Smi");
        assertThat(first.getLink(Bundle.LINK_PREV)).isNull();
        assertThat(second.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly("3", "4");
        assertThat(second.getLink(Bundle.LINK_PREV).getUrl()).contains("_offset=0");
        assertThat(second.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=4");
        assertThat(last.getEntry()).hasSize(1);
        assertThat(last.getLink(Bundle.LINK_NEXT)).isNull();
        assertThat(patients.calls).containsExactly("search 0 2", "search 2 2", "search 4 2");
        assertThat(first.getEntryFirstRep().getFullUrl()).endsWith("/hms/fhir/Patient/1");
    }

    @Test
    void search_countDefaultsTo20_andIsCappedAt100_andTheLinksFollowTheCap() throws Exception {
        stored("Smith", LocalDate.of(1980, 1, 1));

        get("/Patient?name=Smi", "application/fhir+json");
        get("/Patient?name=Smi&_count=500", "application/fhir+json");

        assertThat(patients.calls).containsExactly("search 0 20", "search 0 100");
    }

    @Test
    void search_mapsEveryParameterToTheQuery() throws Exception {
        get("/Patient?name=jo%20smi&family=Smith&given=John&birthdate=1980-02-29&identifier="
                + IdentifierType.PASSPORT.getSystem() + "%7CX1234567", "application/fhir+json");
        get("/Patient?identifier=" + IdentifierType.MRN_SYSTEM + "%7C10000009", "application/fhir+json");

        assertThat(patients.queries).hasSize(2);
        assertThat(patients.queries.get(0)).isEqualTo(new org.asclepius.hms.patient.PatientQuery("jo smi", "Smith",
                "John", LocalDate.of(1980, 2, 29), null, IdentifierType.PASSPORT, "X1234567"));
        assertThat(patients.queries.get(1).mrn()).isEqualTo("10000009");
        assertThat(patients.queries.get(1).identifierType()).isNull();
    }

    @Test
    void search_refusals_are400_withAClearMessage() throws Exception {
        assertBadSearch("/Patient", "at least one search parameter");
        assertBadSearch("/Patient?birthdate=ge1980-01-01", "only a day");
        assertBadSearch("/Patient?birthdate=1980-01", "full day");
        assertBadSearch("/Patient?identifier=X1234567", "needs a system");
        assertBadSearch("/Patient?identifier=http://example.org%7C1", "unknown system");
        assertBadSearch("/Patient?name:exact=Smith", "modifiers");
        assertBadSearch("/Patient?name=Smith&_count=-1", "_count");
        assertBadSearch("/Patient?address=Springfield", "");
        assertBadSearch("/Patient?family=Smith&family=Jones", "");
        assertBadSearch("/Patient?family=Smith&_offset=-5", "_offset");
        assertThat(patients.calls).isEmpty();
    }

    @Test
    void search_refusedByTheService_is400_not422() throws Exception {
        HttpResponse<String> response = get("/Patient?birthdate=" + LocalDate.now().plusDays(2),
                "application/fhir+json");
        // the fake accepts future dates; make the service refuse as the real one does
        patients.failWith(() -> org.asclepius.hms.shared.InvalidInputException.of("birthDate",
                "must not be in the future"));
        HttpResponse<String> refused = get("/Patient?birthdate=" + LocalDate.now().plusDays(2),
                "application/fhir+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Search parameter 'birthdate' must not be in the future");
    }

    @Test
    void search_countZero_returnsTheTotalOnly() throws Exception {
        stored("Smith", LocalDate.of(1980, 1, 1));
        stored("Smith", LocalDate.of(1980, 1, 2));

        Bundle bundle = parse(get("/Patient?family=Smith&_count=0", "application/fhir+json"), Bundle.class);

        assertThat(bundle.getTotal()).isEqualTo(2);
        assertThat(bundle.getEntry()).isEmpty();
    }

    @Test
    void unsupportedInteraction_isA4xxWithAnOutcome() throws Exception {
        HttpResponse<String> delete = send("DELETE", "/Patient/1", null, null, null);
        HttpResponse<String> unknownType = get("/Observation/1", "application/fhir+json");

        assertThat(delete.statusCode()).isBetween(400, 499);
        assertThat(parse(delete, OperationOutcome.class).getIssue()).isNotEmpty();
        assertThat(unknownType.statusCode()).isEqualTo(404);
    }

    private void assertBadSearch(String path, String message) throws Exception {
        HttpResponse<String> response = get(path, "application/fhir+json");
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).as(path)
                .contains(message);
    }

    private PatientRecord stored(String family, LocalDate birthDate) {
        Patient p = FhirPatientMapperTest.newPatient();
        p.getNameFirstRep().setFamily(family);
        p.getBirthDateElement().setValueAsString(birthDate.toString());
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE);
        PatientRecord r = patients.register(FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.CREATE).data());
        patients.calls.clear();
        assertThat(r.sex()).isEqualTo(Sex.MALE);
        return r;
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(HttpResponse<String> response,
                                                                                  Class<T> type) {
        return CTX.newJsonParser().parseResource(type, response.body());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType,
                                             String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/fhir+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType + "; charset=UTF-8");
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
