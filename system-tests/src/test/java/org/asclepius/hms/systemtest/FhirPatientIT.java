package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.TestData;
import org.asclepius.hms.systemtest.support.TestEnvironment;
import org.asclepius.hms.systemtest.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The FHIR R4 API as an integration system uses it: HAPI's generic client with a client-credentials token. */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FhirPatientIT {
    private static final String NATIONAL_ID = "urn:asclepius:id:national-id";
    private static final String MRN = "urn:asclepius:id:mrn";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private IGenericClient client;

    @BeforeEach
    void client() throws Exception {
        token = Tokens.integrationToken();
        fhir.getRestfulClientFactory().setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
        client = fhir.newRestfulGenericClient(base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    }

    @Test
    void integrationTokens_carryMicroProfileJwtClaimsAndTheApiAudience() throws Exception {
        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("upn").asText()).isNotBlank();
        List<String> groups = new ArrayList<>();
        claims.path("groups").forEach(g -> groups.add(g.asText()));
        assertThat(groups).contains("integration");
        assertThat(claims.path("aud").toString()).contains("hms-api");
    }

    @Test
    void metadata_answersWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/metadata", null, "application/fhir+json");
        assertThat(response.statusCode()).isEqualTo(200);
        CapabilityStatement cs = fhir.newJsonParser().parseResource(CapabilityStatement.class, response.body());
        assertThat(cs.getRestFirstRep().getResource()).anyMatch(r -> r.getType().equals("Patient"));
    }

    @Test
    void withoutAValidToken_theApiAnswers401NeverARedirect() throws Exception {
        for (String accept : List.of("text/html", "*/*", "application/fhir+json")) {
            assertThat(get("/Patient?family=x", null, accept).statusCode()).as(accept).isEqualTo(401);
        }
        assertThat(get("/Patient?family=x", "not-a-token", "*/*").statusCode()).isEqualTo(401);
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        assertThat(get("/Patient?family=x", tampered, "*/*").statusCode()).isEqualTo(401);
    }

    @Test
    void create_read_andSearchByNameFamilyBirthdateAndIdentifier() throws Exception {
        String family = TestData.uniqueFamilyName("Fhir");
        String nationalId = TestData.uniqueNationalId();
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Grace").addGiven("Ann");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1979-11-30"));
        patient.addIdentifier().setSystem(NATIONAL_ID).setValue(nationalId);
        patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("+1 555 0142");

        var outcome = client.create().resource(patient).execute();
        assertThat(outcome.getCreated()).isTrue();
        IIdType id = outcome.getId().toUnqualifiedVersionless();

        Patient read = client.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(read.getNameFirstRep().getGiven()).extracting(Object::toString).containsExactly("Grace", "Ann");
        assertThat(read.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        String mrn = read.getIdentifier().stream().filter(i -> MRN.equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElseThrow();

        assertThat(search(Patient.NAME.matches().value("grace " + family))).containsExactly(id.getIdPart());
        assertThat(search(Patient.FAMILY.matches().value(family))).containsExactly(id.getIdPart());
        assertThat(searchWith(Patient.FAMILY.matches().value(family), Patient.BIRTHDATE.exactly().day("1979-11-30")))
                .containsExactly(id.getIdPart());
        assertThat(searchWith(Patient.FAMILY.matches().value(family), Patient.BIRTHDATE.exactly().day("1979-12-01")))
                .isEmpty();
        assertThat(search(Patient.IDENTIFIER.exactly().systemAndCode(NATIONAL_ID, nationalId))).containsExactly(id.getIdPart());
        assertThat(search(Patient.IDENTIFIER.exactly().systemAndCode(MRN, mrn))).containsExactly(id.getIdPart());
        assertThat(searchWith(Patient.FAMILY.matches().value(family), Patient.GENDER.exactly().code("female")))
                .containsExactly(id.getIdPart());
        assertThat(searchWith(Patient.FAMILY.matches().value(family), Patient.GENDER.exactly().code("male"))).isEmpty();
        assertThat(searchWith(Patient.PHONE.exactly().identifier("555-0142"), Patient.FAMILY.matches().value(family)))
                .containsExactly(id.getIdPart());
        assertThat(get("/Patient?gender=female", token, "application/fhir+json").statusCode())
                .as("gender alone only narrows a search").isEqualTo(400);
        assertThat(TestEnvironment.serverLog()).doesNotContain(family).doesNotContain(nationalId);
    }

    @Test
    void badInput_getsAnOperationOutcomeWith422AndNothingIsCreated() throws Exception {
        String family = TestData.uniqueFamilyName("Bad");
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("<script>alert(1)</script>");
        patient.setGender(AdministrativeGender.MALE);
        patient.setBirthDate(new Date(System.currentTimeMillis() + 86_400_000L * 10));

        UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
                () -> client.create().resource(patient).execute());

        OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
        assertThat(oo.getIssue()).extracting(i -> i.getExpression().isEmpty() ? "" : i.getExpression().get(0).getValue())
                .contains("Patient.birthDate");
        assertThat(search(Patient.FAMILY.matches().value(family))).isEmpty();

        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create(base() + "/Patient"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\": \"Patient\", \"name\": [")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("OperationOutcome");
        assertThat(TestEnvironment.serverLog()).as("no patient data in the server log").doesNotContain(family);
    }

    @Test
    void update_needsTheVersionRead_andAStaleVersionIsAConflict() throws Exception {
        Patient patient = patient(TestData.uniqueFamilyName("Upd"), "Hana", AdministrativeGender.FEMALE, "1966-06-06");
        String id = client.create().resource(patient).execute().getId().getIdPart();
        Patient read = client.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getMeta().getVersionId()).isEqualTo("0");

        read.getTelecomFirstRep().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                .setValue("+1 555 0166");
        String body = fhir.newJsonParser().encodeResourceToString(read);
        HttpResponse<String> saved = put("/Patient/" + id, body, "W/\"0\"");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("W/\"1\"");

        HttpResponse<String> stale = put("/Patient/" + id, body, "W/\"0\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("OperationOutcome").contains("changed by");

        read.setMeta(null);
        read.setId(read.getIdElement().toUnqualifiedVersionless()); // HAPI writes an id's version as meta.versionId
        HttpResponse<String> unversioned = put("/Patient/" + id, fhir.newJsonParser().encodeResourceToString(read), null);
        assertThat(unversioned.statusCode()).isEqualTo(412);
        assertThat(client.read().resource(Patient.class).withId(id).execute().getTelecomFirstRep().getValue())
                .isEqualTo("+1 555 0166");
    }

    @Test
    void search_pagesOnTheServerWithTotalAndLinks_andRefusesAnEmptyQuery() throws Exception {
        String family = TestData.uniqueFamilyName("Page");
        for (int i = 1; i <= 5; i++) {
            Patient p = new Patient();
            p.addName().setFamily(family).addGiven("Kid" + (char) ('a' + i));
            p.setGender(AdministrativeGender.MALE);
            p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2001-01-0" + i));
            client.create().resource(p).execute();
        }
        Bundle first = client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family))
                .count(2).returnBundle(Bundle.class).execute();
        assertThat(first.getTotal()).isEqualTo(5);
        assertThat(first.getEntry()).hasSize(2);
        Bundle second = client.loadPage().next(first).execute();
        Bundle third = client.loadPage().next(second).execute();
        assertThat(second.getEntry()).hasSize(2);
        assertThat(third.getEntry()).hasSize(1);
        assertThat(third.getLink(Bundle.LINK_NEXT)).isNull();
        List<String> all = new ArrayList<>();
        for (Bundle b : List.of(first, second, third)) {
            b.getEntry().forEach(e -> all.add(e.getResource().getIdElement().getIdPart()));
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(5);

        HttpResponse<String> empty = get("/Patient", token, "application/fhir+json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("OperationOutcome");
    }

    @Test
    void match_returnsTheLikelyPatientWithScoreAndGrade() throws Exception {
        String family = TestData.uniqueFamilyName("Mtch");
        Patient patient = patient(family, "Robert", AdministrativeGender.MALE, "1971-02-03");
        patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("+1 555 0188");
        patient.addAddress().addLine("4 Quay Lane").setCity("Springfield").setPostalCode("12345");
        String id = client.create().resource(patient).execute().getId().getIdPart();

        Patient probe = patient(family, "Bob", AdministrativeGender.MALE, "1971-02-03");
        probe.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("555-0188");
        org.hl7.fhir.r4.model.Parameters in = new org.hl7.fhir.r4.model.Parameters();
        in.addParameter().setName("resource").setResource(probe);
        Bundle result = client.operation().onType(Patient.class).named("$match").withParameters(in)
                .returnResourceType(Bundle.class).execute();

        assertThat(result.getEntry()).isNotEmpty();
        Bundle.BundleEntryComponent first = result.getEntryFirstRep();
        assertThat(first.getResource().getIdElement().getIdPart()).isEqualTo(id);
        assertThat(first.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        assertThat(first.getSearch().getScore().doubleValue()).isBetween(0.5, 1.0);
        assertThat(first.getSearch().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/match-grade")
                .getValue().primitiveValue()).isIn("certain", "probable");
    }

    @Test
    void coverage_isSearchedByBeneficiary() throws Exception {
        Patient patient = patient(TestData.uniqueFamilyName("Cov"), "Jo", AdministrativeGender.OTHER, "1955-05-05");
        String id = client.create().resource(patient).execute().getId().getIdPart();

        Bundle none = client.search().forResource(org.hl7.fhir.r4.model.Coverage.class)
                .where(org.hl7.fhir.r4.model.Coverage.BENEFICIARY.hasId("Patient/" + id))
                .returnBundle(Bundle.class).execute();
        assertThat(none.getEntry()).isEmpty();
        assertThat(get("/Coverage?beneficiary=Patient/abc", token, "application/fhir+json").statusCode()).isEqualTo(400);
        assertThat(get("/Coverage?beneficiary=Patient/999999999", token, "application/fhir+json").statusCode())
                .isEqualTo(404);
    }

    @Test
    void unknownPatient_is404() throws Exception {
        assertThat(get("/Patient/999999999", token, "application/fhir+json").statusCode()).isEqualTo(404);
    }

    private List<String> search(ca.uhn.fhir.rest.gclient.ICriterion<?> criterion) {
        return searchWith(criterion);
    }

    private List<String> searchWith(ca.uhn.fhir.rest.gclient.ICriterion<?>... criteria) {
        var query = client.search().forResource(Patient.class).where(criteria[0]);
        for (int i = 1; i < criteria.length; i++) {
            query = query.and(criteria[i]);
        }
        Bundle bundle = query.returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private HttpResponse<String> get(String path, String bearer, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal patient as an integration system sends one. */
    private static Patient patient(String family, String given, AdministrativeGender gender, String birthDate) {
        Patient p = new Patient();
        p.addName().setFamily(family).addGiven(given);
        p.setGender(gender);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
        return p;
    }

    private static String base() {
        return TestEnvironment.baseUrl() + "/hms/fhir";
    }
}
