package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.HapiFhir.entries;
import static org.asclepius.hms.systemtest.support.HapiFhir.issueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.asclepius.hms.clinical.access.CareTeamService;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderEntry;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderPriority;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.clinical.vitals.VitalSignsEntry;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.systemtest.callers.AsOtherPhysician;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.ApiTokens;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.HapiFhir;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.TestData;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health record over the FHIR API: data recorded through the services, read back over HTTP with HAPI's
 * generic client as the demo physician (a staff user's token, signed in with password and TOTP) who is on the
 * patient's care team — vital signs by patient and code with the blood pressure's components, a signed
 * prescription as a MedicationRequest, a lab order as a ServiceRequest, a signed note as a DocumentReference whose
 * attachment decodes to the note (drafts never leave). The same physician gets 403 for a patient they do not treat,
 * the integration client (no clinical role) 403 as well; a search without patient is a 400, an unknown id a 404.
 */
// one @ExtendWith: two would compile to a container annotation the in-container runner does not find
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class FhirHealthRecordIT {
    private static final String LOINC = "http://loinc.org";
    /** The demo user whose token the test signs in for; on the first patient's care team. */
    private static final String DEMO_PHYSICIAN = "physician";

    @Deployment
    static EnterpriseArchive deployment() {
        return HapiFhir.deployment(FhirHealthRecordIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    VisitService visits;
    @EJB
    CareTeamService careTeam;
    @EJB
    VitalSignService vitals;
    @EJB
    OrderService orders;
    @EJB
    NoteService notes;
    @EJB
    AsReceptionist desk;
    @EJB
    AsPhysician physician;
    @EJB
    AsOtherPhysician otherPhysician;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    /** A patient in consultation with the given physician in a department of their own; {patient, encounter}. */
    private long[] patientSeenBy(org.asclepius.hms.systemtest.callers.Caller doctor) throws Exception {
        long patient = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Fhirrec"),
                "Olga", LocalDate.of(1959, 4, 21)))).id();
        VisitRecord visit = desk.call(() -> visits.walkIn(patient, "Medicine " + TestData.uniqueFamilyName("D"),
                "Breathlessness"));
        doctor.call(() -> visits.startConsultation(visit.id(), visit.version()));
        return new long[] {patient, visit.encounterId()};
    }

    private static VitalSignsEntry set(long encounter, Instant taken, String temp, int pulse, int sys, int dia) {
        return new VitalSignsEntry(encounter, taken, new BigDecimal(temp), pulse, 18, sys, dia, 95,
                new BigDecimal("80.0"), new BigDecimal("180"), 3);
    }

    private static ObservationRecord kind(List<ObservationRecord> set, VitalSign kind) {
        return set.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    private static String diagnostics(BaseServerResponseException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
    }

    @Test
    void theCareTeamsPhysician_readsVitalsOrdersAndSignedNotes_andNoDrafts() throws Exception {
        long[] p = patientSeenBy(physician);
        long patient = p[0];
        physician.call(() -> careTeam.addMember(patient, DEMO_PHYSICIAN, "Consultant"));

        Instant earlier = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<ObservationRecord> first = physician.call(() -> vitals.record(patient, set(p[1], earlier, "38.6", 104,
                150, 92))).items();
        List<ObservationRecord> second = physician.call(() -> vitals.record(patient, set(p[1], null, "37.1", 88, 132,
                84))).items();
        ObservationRecord wrongTemperature = kind(first, VitalSign.TEMPERATURE);
        physician.call(() -> vitals.enteredInError(wrongTemperature.id(), wrongTemperature.version(),
                "Thermometer of the next bed"));

        OrderRecord rx = physician.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.MEDICATION, "314076",
                OrderPriority.ROUTINE, "Hypertension", null, "1 tablet", "oral", "once daily", 30)));
        OrderRecord rxSigned = physician.call(() -> orders.sign(rx.id(), rx.version()));
        OrderRecord rxDraft = physician.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.MEDICATION,
                "310798", OrderPriority.ROUTINE, null, null, "1 tablet", "oral", "once daily", null)));
        OrderRecord cbc = physician.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.LAB, "58410-2",
                OrderPriority.URGENT, "Breathlessness", "Before breakfast", null, null, null, null)));
        OrderRecord cbcSigned = physician.call(() -> orders.sign(cbc.id(), cbc.version()));
        OrderRecord xray = physician.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.IMAGING,
                "img-xr-chest-2v", OrderPriority.STAT, null, null, null, null, null, null)));

        String subjective = "Breathless on exertion for 3 days — ödema of both ankles";
        NoteRecord soap = physician.call(() -> notes.startDraft(patient, p[1], NoteTemplate.SOAP, "Medicine review",
                Map.of("Subjective", subjective, "Assessment", "Likely heart failure", "Plan", "Furosemide")));
        NoteRecord signed = physician.call(() -> notes.sign(soap.id(), soap.version()));
        NoteRecord withAddendum = physician.call(() -> notes.addendum(signed.id(), signed.version(),
                "Weight 78 kg this morning", null));
        NoteRecord draft = physician.call(() -> notes.startDraft(patient, p[1], NoteTemplate.PROGRESS, null,
                Map.of("Progress", "unfinished thoughts")));

        IGenericClient fhir = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));

        // ---- vital signs: by patient and LOINC code, newest first
        Bundle pulses = fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patient))
                .and(Observation.CODE.exactly().systemAndCode(LOINC, "8867-4"))
                .returnBundle(Bundle.class).execute();
        assertThat(pulses.getTotal()).isEqualTo(2);
        List<Observation> pulse = entries(pulses, Observation.class);
        assertThat(pulse).extracting(o -> o.getValueQuantity().getValue().intValue()).containsExactly(88, 104);
        Observation latestPulse = pulse.get(0);
        assertThat(latestPulse.getIdElement().getIdPart()).isEqualTo(String.valueOf(kind(second, VitalSign.PULSE).id()));
        assertThat(latestPulse.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(latestPulse.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        assertThat(latestPulse.getMeta().getProfile()).extracting(u -> u.getValue())
                .contains("http://hl7.org/fhir/StructureDefinition/vitalsigns",
                        "http://hl7.org/fhir/StructureDefinition/heartrate");
        assertThat(latestPulse.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(latestPulse.getValueQuantity().getCode()).isEqualTo("/min");
        assertThat(latestPulse.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(latestPulse.getEncounter().getReference()).isEqualTo("Encounter/" + p[1]);
        assertThat(latestPulse.getPerformerFirstRep().getDisplay()).isEqualTo("test-physician");
        assertThat(latestPulse.getEffectiveDateTimeType().getValue()).isAfter(java.util.Date.from(earlier));

        // blood pressure: the panel with its systolic and diastolic components (a component code finds it too)
        List<Observation> pressures = entries(fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patient))
                .and(Observation.CODE.exactly().code("8480-6"))
                .returnBundle(Bundle.class).execute(), Observation.class);
        assertThat(pressures).hasSize(2);
        Observation bp = pressures.get(0);
        assertThat(bp.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
        assertThat(bp.hasValue()).isFalse();
        assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode(),
                c -> c.getValueQuantity().getValue().intValue(), c -> c.getValueQuantity().getCode())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8480-6", 132, "mm[Hg]"),
                        org.assertj.core.groups.Tuple.tuple("8462-4", 84, "mm[Hg]"));

        // every vital sign of the category, a page at a time; the period narrows it
        int recorded = first.size() + second.size();
        Bundle page1 = fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patient))
                .and(Observation.CATEGORY.exactly().systemAndCode(
                        "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"))
                .count(5).returnBundle(Bundle.class).execute();
        assertThat(page1.getTotal()).isEqualTo(recorded);
        assertThat(page1.getEntry()).hasSize(5);
        Bundle page2 = fhir.loadPage().next(page1).execute();
        assertThat(page2.getEntry()).hasSize(Math.min(5, recorded - 5));
        Bundle older = fhir.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patient))
                .and(Observation.DATE.before().second(java.util.Date.from(earlier.plusSeconds(60))))
                .returnBundle(Bundle.class).execute();
        assertThat(older.getTotal()).isEqualTo(first.size());

        // the mistaken temperature: kept, entered in error, with the reason
        Observation wrong = fhir.read().resource(Observation.class).withId(String.valueOf(wrongTemperature.id()))
                .execute();
        assertThat(wrong.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(wrong.getNoteFirstRep().getText()).contains("Thermometer of the next bed");

        // ---- the signed prescription is a MedicationRequest; the unsigned draft is none
        List<MedicationRequest> prescriptions = entries(fhir.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patient))
                .returnBundle(Bundle.class).execute(), MedicationRequest.class);
        assertThat(prescriptions).extracting(m -> m.getIdElement().getIdPart())
                .containsExactly(String.valueOf(rxSigned.id()));
        MedicationRequest prescription = prescriptions.get(0);
        assertThat(prescription.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(prescription.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(prescription.getMedicationCodeableConcept().getCodingFirstRep().getSystem())
                .isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
        assertThat(prescription.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("314076");
        assertThat(prescription.getDosageInstructionFirstRep().getText()).isEqualTo("1 tablet, oral, once daily");
        assertThat(prescription.getDispenseRequest().getExpectedSupplyDuration().getValue().intValue()).isEqualTo(30);
        assertThat(prescription.getDispenseRequest().getExpectedSupplyDuration().getCode()).isEqualTo("d");
        assertThat(prescription.getRequester().getDisplay()).isEqualTo("test-physician");
        assertThat(prescription.getEncounter().getReference()).isEqualTo("Encounter/" + p[1]);
        assertThat(fhir.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patient))
                .and(MedicationRequest.STATUS.exactly().code("completed"))
                .returnBundle(Bundle.class).execute().getTotal()).isZero();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> fhir.read()
                .resource(MedicationRequest.class).withId(String.valueOf(rxDraft.id())).execute())).isNotNull();

        // ---- the lab order is a ServiceRequest (laboratory); the imaging draft is one too, as a draft
        List<ServiceRequest> labs = entries(fhir.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.PATIENT.hasId("Patient/" + patient))
                .and(ServiceRequest.CATEGORY.exactly().systemAndCode("http://snomed.info/sct", "108252007"))
                .returnBundle(Bundle.class).execute(), ServiceRequest.class);
        assertThat(labs).extracting(s -> s.getIdElement().getIdPart()).containsExactly(String.valueOf(cbcSigned.id()));
        ServiceRequest lab = labs.get(0);
        assertThat(lab.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(lab.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(lab.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(lab.getCode().getCodingFirstRep().getCode()).isEqualTo("58410-2");
        assertThat(lab.getReasonCodeFirstRep().getText()).isEqualTo("Breathlessness");
        assertThat(lab.getRequester().getDisplay()).isEqualTo("test-physician");
        List<ServiceRequest> drafts = entries(fhir.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.PATIENT.hasId("Patient/" + patient))
                .and(ServiceRequest.STATUS.exactly().code("draft"))
                .returnBundle(Bundle.class).execute(), ServiceRequest.class);
        assertThat(drafts).extracting(s -> s.getIdElement().getIdPart()).containsExactly(String.valueOf(xray.id()));
        assertThat(drafts.get(0).getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("363679005");
        assertThat(drafts.get(0).getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);

        // ---- the signed note is a DocumentReference whose attachment decodes to it; the draft never leaves
        List<DocumentReference> documents = entries(fhir.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId("Patient/" + patient))
                .returnBundle(Bundle.class).execute(), DocumentReference.class);
        assertThat(documents).extracting(d -> d.getIdElement().getIdPart())
                .containsExactly(String.valueOf(signed.id()));
        DocumentReference document = documents.get(0);
        assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(document.getStatus().toCode()).isEqualTo("current");
        assertThat(document.getType().getCodingFirstRep().getSystem()).isEqualTo(LOINC);
        assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
        assertThat(document.getAuthorFirstRep().getDisplay()).isEqualTo("test-physician");
        assertThat(document.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/" + p[1]);
        var attachment = document.getContentFirstRep().getAttachment();
        assertThat(attachment.getContentType()).isEqualTo("text/plain; charset=UTF-8");
        String base64 = attachment.getDataElement().getValueAsString();
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Subjective:\n" + subjective).contains("Assessment:\nLikely heart failure")
                .contains("Addendum (test-physician, ").contains("Weight 78 kg this morning")
                .doesNotContain("unfinished thoughts");
        assertThat(withAddendum.addenda()).hasSize(1);
        assertThat(fhir.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId("Patient/" + patient))
                .and(DocumentReference.TYPE.exactly().systemAndCode(LOINC, "18842-5"))
                .returnBundle(Bundle.class).execute().getTotal()).isZero();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> fhir.read()
                .resource(DocumentReference.class).withId(String.valueOf(draft.id())).execute())).isNotNull();

        // every read is audited as the signed-in physician's, for the patient
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and action = 'READ' and outcome = 'SUCCESS'", patient, DEMO_PHYSICIAN)).isPositive();
        // no patient data in the server log
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain(subjective)
                .doesNotContain("Thermometer of the next bed");
    }

    @Test
    void aPhysicianNotTreatingThePatient_andTheIntegrationClient_get403WithAnOperationOutcome() throws Exception {
        long[] mine = patientSeenBy(physician);
        physician.call(() -> careTeam.addMember(mine[0], DEMO_PHYSICIAN, "Consultant"));
        long[] other = patientSeenBy(otherPhysician);
        long patient = other[0];
        ObservationRecord pulse = kind(otherPhysician.call(() -> vitals.record(patient, set(other[1], null, "36.9", 72,
                120, 80))).items(), VitalSign.PULSE);
        NoteRecord note = otherPhysician.call(() -> notes.startDraft(patient, other[1], NoteTemplate.PROGRESS, null,
                Map.of("Progress", "Stable")));
        NoteRecord signed = otherPhysician.call(() -> notes.sign(note.id(), note.version()));

        IGenericClient physicianApi = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        // the physician reads their own patient, not the other
        assertThat(physicianApi.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + mine[0])).returnBundle(Bundle.class).execute()
                .getTotal()).isZero();
        ForbiddenOperationException search = catchThrowableOfType(ForbiddenOperationException.class,
                () -> physicianApi.search().forResource(Observation.class)
                        .where(Observation.PATIENT.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute());
        assertThat(search).isNotNull();
        assertThat(search.getStatusCode()).isEqualTo(403);
        assertThat(issueCode(search)).isEqualTo("forbidden");
        assertThat(diagnostics(search)).contains("not treating this patient").contains("break the glass");
        ForbiddenOperationException read = catchThrowableOfType(ForbiddenOperationException.class,
                () -> physicianApi.read().resource(DocumentReference.class).withId(String.valueOf(signed.id()))
                        .execute());
        assertThat(read).isNotNull();
        assertThat(issueCode(read)).isEqualTo("forbidden");
        assertThat(catchThrowableOfType(ForbiddenOperationException.class, () -> physicianApi.read()
                .resource(Observation.class).withId(String.valueOf(pulse.id())).execute())).isNotNull();
        // each refusal is audited once, as DENIED, with the patient
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and outcome = 'DENIED'", patient, DEMO_PHYSICIAN)).isEqualTo(3);
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and outcome = 'SUCCESS'", patient, DEMO_PHYSICIAN)).isZero();

        // the integration client has no clinical role: 403 for every patient
        IGenericClient integration = HapiFhir.client(ApiTokens.integration());
        for (String query : List.of("Observation?patient=Patient/" + mine[0], "MedicationRequest?patient=Patient/"
                + mine[0], "ServiceRequest?patient=Patient/" + mine[0], "DocumentReference?patient=Patient/" + mine[0])) {
            ForbiddenOperationException refused = catchThrowableOfType(ForbiddenOperationException.class,
                    () -> integration.search().byUrl(query).returnBundle(Bundle.class).execute());
            assertThat(refused).as(query).isNotNull();
            assertThat(issueCode(refused)).as(query).isEqualTo("forbidden");
        }
        assertThat(catchThrowableOfType(ForbiddenOperationException.class, () -> integration.read()
                .resource(Observation.class).withId(String.valueOf(pulse.id())).execute())).isNotNull();
    }

    @Test
    void theCapabilityStatement_listsTheFourResources_withReadAndTheirSearchParameters() throws Exception {
        CapabilityStatement cs = HapiFhir.client(ApiTokens.integration()).capabilities()
                .ofType(CapabilityStatement.class).execute();
        Map<String, List<String>> expected = Map.of(
                "Observation", List.of("patient", "category", "code", "date"),
                "MedicationRequest", List.of("patient", "status"),
                "ServiceRequest", List.of("patient", "status", "category"),
                "DocumentReference", List.of("patient", "type", "date"));
        expected.forEach((type, parameters) -> {
            var resource = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type))
                    .findFirst().orElseThrow(() -> new AssertionError(type + " is not in the CapabilityStatement"));
            assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode()).as(type)
                    .contains("read", "search-type");
            assertThat(resource.getSearchParam()).extracting(p -> p.getName()).as(type)
                    .containsAll(parameters);
        });
    }

    @Test
    void badSearches_are400_andUnknownIds404_withAnOperationOutcome() throws Exception {
        long[] p = patientSeenBy(physician);
        physician.call(() -> careTeam.addMember(p[0], DEMO_PHYSICIAN, "Consultant"));
        IGenericClient fhir = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        String patient = "patient=Patient/" + p[0];

        for (String bad : List.of("Observation", "Observation?code=8867-4", "MedicationRequest", "ServiceRequest",
                "DocumentReference?type=11506-3", "Observation?patient=Practitioner/1", "Observation?patient=abc",
                "Observation?" + patient + "&category=vitals", "Observation?" + patient + "&date=xyz",
                "MedicationRequest?" + patient + "&status=signed", "ServiceRequest?" + patient + "&status=cancelled",
                "DocumentReference?" + patient + "&foo=bar")) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> fhir.search().byUrl(bad).returnBundle(Bundle.class).execute());
            assertThat(e).as(bad).isNotNull();
            assertThat(e.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getSeverity())
                    .as(bad).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        }
        InvalidRequestException noPatient = catchThrowableOfType(InvalidRequestException.class,
                () -> fhir.search().byUrl("Observation?category=vital-signs").returnBundle(Bundle.class).execute());
        assertThat(diagnostics(noPatient)).contains("'patient' is required");

        for (Class<? extends IBaseResource> type : List.of(Observation.class, MedicationRequest.class,
                ServiceRequest.class, DocumentReference.class)) {
            for (String id : List.of("999999999999", "abc")) {
                ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                        () -> fhir.read().resource(type).withId(id).execute());
                assertThat(e).as(type.getSimpleName() + "/" + id).isNotNull();
                assertThat(issueCode(e)).isEqualTo("not-found");
            }
        }
    }
}
