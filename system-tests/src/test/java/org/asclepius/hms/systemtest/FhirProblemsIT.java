package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.HapiFhir.entries;
import static org.asclepius.hms.systemtest.support.HapiFhir.issueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.asclepius.hms.clinical.access.CareTeamService;
import org.asclepius.hms.clinical.allergies.Allergy;
import org.asclepius.hms.clinical.allergies.AllergyEntry;
import org.asclepius.hms.clinical.allergies.AllergyRecord;
import org.asclepius.hms.clinical.allergies.AllergyService;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionEntry;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.problems.ConditionService;
import org.asclepius.hms.clinical.problems.DiagnosisRank;
import org.asclepius.hms.clinical.problems.Verification;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.systemtest.callers.AsOtherPhysician;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.callers.AsSystem;
import org.asclepius.hms.systemtest.callers.Caller;
import org.asclepius.hms.systemtest.support.ApiTokens;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.HapiFhir;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.TestData;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Problems, diagnoses and allergies over the FHIR API, recorded through the services and read back over HTTP with
 * HAPI's generic client as the demo physician on the patient's care team (a staff user's own token): an ICD-10-CM
 * problem, the encounter's primary and secondary diagnoses with their rank, SNOMED CT conditions imported by the
 * system with their ICD-10-CM map as a second coding, an entry in error; an RxNorm drug allergy, a food allergy from
 * the hospital's list with its SNOMED CT code, an allergy in error, and "no known allergies" (SNOMED CT 716186003,
 * id nka-&lt;patient&gt;) while it holds. A physician not treating the patient and the integration client get 403; a
 * search without patient or with unknown codes is a 400, an unknown id a 404.
 */
// one @ExtendWith: two would compile to a container annotation the in-container runner does not find
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class FhirProblemsIT {
    /** The demo user whose token the test signs in for; on the patients' care team. */
    private static final String DEMO_PHYSICIAN = "physician";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String SNOMED = "http://snomed.info/sct";

    @Deployment
    static EnterpriseArchive deployment() {
        return HapiFhir.deployment(FhirProblemsIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    VisitService visits;
    @EJB
    CareTeamService careTeam;
    @EJB
    ConditionService conditions;
    @EJB
    AllergyService allergies;
    @EJB
    AsReceptionist desk;
    @EJB
    AsPhysician physician;
    @EJB
    AsOtherPhysician otherPhysician;
    @EJB
    AsSystem system;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    /** A patient in consultation with the given physician in a department of their own; {patient, encounter}. */
    private long[] patientSeenBy(Caller doctor) throws Exception {
        long patient = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Fhirprob"),
                "Irma", LocalDate.of(1948, 9, 12)))).id();
        VisitRecord visit = desk.call(() -> visits.walkIn(patient, "Medicine " + TestData.uniqueFamilyName("D"),
                "Cough"));
        doctor.call(() -> visits.startConsultation(visit.id(), visit.version()));
        return new long[] {patient, visit.encounterId()};
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private static String codeOf(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode)
                .findFirst().orElse(null);
    }

    private static Bundle search(IGenericClient fhir, String url) {
        return fhir.search().byUrl(url).returnBundle(Bundle.class).execute();
    }

    private long audited(long patient, String outcome) throws Exception {
        return Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and outcome = ?", patient, DEMO_PHYSICIAN, outcome);
    }

    @Test
    void theCareTeamsPhysician_readsProblemsDiagnosesAndImportedConditions() throws Exception {
        long[] p = patientSeenBy(physician);
        long patient = p[0];
        long encounter = p[1];
        physician.call(() -> careTeam.addMember(patient, DEMO_PHYSICIAN, "Consultant"));

        String problemNote = "Diet and metformin since the spring";
        ConditionRecord diabetes = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.PROBLEM, null, "E11.9", LocalDate.of(2015, 6, 1), null, null, null, problemNote)));
        ConditionRecord copd = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, encounter, "J44.9", null, null, Verification.PROVISIONAL,
                DiagnosisRank.PRIMARY, null)));
        ConditionRecord hypertensionDx = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, encounter, "I10", null, null, null, DiagnosisRank.SECONDARY, null)));
        ConditionRecord hypertension = system.call(() -> conditions.importCondition(patient, null,
                ConditionCategory.PROBLEM, new Code(CodeSystems.SNOMED, "59621000", "Essential hypertension (disorder)"),
                LocalDate.of(2012, 3, 1), null));
        ConditionRecord pharyngitis = system.call(() -> conditions.importCondition(patient, null,
                ConditionCategory.PROBLEM, new Code(CodeSystems.SNOMED, "195662009",
                        "Acute viral pharyngitis (disorder)"), LocalDate.of(2019, 1, 3), LocalDate.of(2019, 1, 12)));
        ConditionRecord lipids = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.PROBLEM, null, "E78.5", null, null, null, null, null)));
        String errorReason = "Lipids were another patient's";
        physician.call(() -> conditions.enteredInError(lipids.id(), lipids.version(), errorReason));
        assertThat(hypertension.mappedCode()).isEqualTo("I10");

        IGenericClient fhir = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        String byPatient = "Condition?patient=Patient/" + patient;

        // everything, newest first, entries in error included
        Bundle all = search(fhir, byPatient);
        assertThat(all.getTotal()).isEqualTo(6);
        assertThat(ids(all)).containsExactly(String.valueOf(lipids.id()), String.valueOf(pharyngitis.id()),
                String.valueOf(hypertension.id()), String.valueOf(hypertensionDx.id()), String.valueOf(copd.id()),
                String.valueOf(diabetes.id()));
        Bundle firstTwo = fhir.search().forResource(Condition.class).where(Condition.PATIENT.hasId("Patient/"
                + patient)).count(2).returnBundle(Bundle.class).execute();
        assertThat(firstTwo.getEntry()).hasSize(2);
        assertThat(ids(fhir.loadPage().next(firstTwo).execute())).containsExactly(String.valueOf(hypertension.id()),
                String.valueOf(hypertensionDx.id()));

        // the ICD-10-CM problem
        Condition problem = fhir.read().resource(Condition.class).withId(String.valueOf(diabetes.id())).execute();
        assertThat(problem.getMeta().getVersionId()).isEqualTo(String.valueOf(diabetes.version()));
        assertThat(problem.getCategoryFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/condition-category");
        assertThat(problem.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        assertThat(problem.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ICD10CM, "E11.9",
                        "Type 2 diabetes mellitus without complications"));
        assertThat(problem.getClinicalStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/condition-clinical");
        assertThat(problem.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(problem.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(problem.getOnsetDateTimeType().getValueAsString()).isEqualTo("2015-06-01");
        assertThat(problem.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(problem.hasEncounter()).isFalse();
        assertThat(problem.getRecorder().getDisplay()).isEqualTo("test-physician");
        assertThat(problem.getNoteFirstRep().getText()).isEqualTo(problemNote);

        // the encounter's diagnoses, the primary one first by its rank
        List<Condition> diagnoses = entries(search(fhir, byPatient + "&category=encounter-diagnosis"),
                Condition.class);
        assertThat(diagnoses).extracting(c -> c.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(String.valueOf(copd.id()), String.valueOf(hypertensionDx.id()));
        Condition primary = diagnoses.stream().filter(c -> c.getIdElement().getIdPart().equals(
                String.valueOf(copd.id()))).findFirst().orElseThrow();
        assertThat(primary.getEncounter().getReference()).isEqualTo("Encounter/" + encounter);
        assertThat(primary.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        assertThat(primary.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
        assertThat(primary.getExtensionByUrl("urn:asclepius:fhir:diagnosis-rank").getValue().primitiveValue())
                .isEqualTo("primary");
        assertThat(diagnoses).filteredOn(c -> c != primary).extracting(c -> c.getExtensionByUrl(
                "urn:asclepius:fhir:diagnosis-rank").getValue().primitiveValue()).containsExactly("secondary");
        assertThat(search(fhir, byPatient + "&encounter=Encounter/" + encounter).getTotal()).isEqualTo(2);
        assertThat(search(fhir, byPatient + "&category=problem-list-item").getTotal()).isEqualTo(4);

        // the SNOMED CT condition imported by the system keeps its code, with its ICD-10-CM map
        Condition imported = fhir.read().resource(Condition.class).withId(String.valueOf(hypertension.id()))
                .execute();
        assertThat(imported.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SNOMED, "59621000"),
                org.assertj.core.groups.Tuple.tuple(ICD10CM, "I10"));
        assertThat(imported.getRecorder().getDisplay()).isEqualTo("test-system");
        // an ICD-10-CM code finds the diagnosis coded so and the SNOMED CT condition mapped to it
        assertThat(ids(search(fhir, byPatient + "&code=" + ICD10CM + "|I10"))).containsExactlyInAnyOrder(
                String.valueOf(hypertension.id()), String.valueOf(hypertensionDx.id()));
        assertThat(ids(search(fhir, byPatient + "&code=" + SNOMED + "|59621000")))
                .containsExactly(String.valueOf(hypertension.id()));
        assertThat(ids(search(fhir, byPatient + "&code=e11.9,195662009"))).containsExactlyInAnyOrder(
                String.valueOf(diabetes.id()), String.valueOf(pharyngitis.id()));
        assertThat(search(fhir, byPatient + "&code=http://loinc.org|8867-4").getTotal()).isZero();
        Condition resolved = entries(search(fhir, byPatient + "&clinical-status=resolved"), Condition.class).get(0);
        assertThat(resolved.getIdElement().getIdPart()).isEqualTo(String.valueOf(pharyngitis.id()));
        assertThat(codeOf(resolved.getCode(), ICD10CM)).isEqualTo("J02.9");
        assertThat(resolved.getAbatementDateTimeType().getValueAsString()).isEqualTo("2019-01-12");
        // active ones: the entry in error has no clinical status
        assertThat(ids(search(fhir, byPatient + "&clinical-status=active,recurrence,relapse")))
                .containsExactlyInAnyOrder(String.valueOf(diabetes.id()), String.valueOf(copd.id()),
                        String.valueOf(hypertensionDx.id()), String.valueOf(hypertension.id()));

        // the entry in error: kept, says so, with the reason
        Condition inError = fhir.read().resource(Condition.class).withId(String.valueOf(lipids.id())).execute();
        assertThat(inError.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(inError.hasClinicalStatus()).isFalse();
        assertThat(inError.getNote()).extracting(n -> n.getText()).contains("Entered in error: " + errorReason);

        // a search is one read of the chart, whatever it finds
        long before = Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and resource_type = 'Chart' and action = 'READ' and outcome = 'SUCCESS'", patient, DEMO_PHYSICIAN);
        search(fhir, byPatient);
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and resource_type = 'Chart' and action = 'READ' and outcome = 'SUCCESS'", patient, DEMO_PHYSICIAN))
                .isEqualTo(before + 1);
        assertThat(Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ?"
                + " and resource_type = 'Condition' and resource_id = ? and action = 'READ'", patient, DEMO_PHYSICIAN,
                String.valueOf(diabetes.id()))).isEqualTo(1);
        assertThat(audited(patient, "DENIED")).isZero();
        // no patient data in the server log
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain(problemNote)
                .doesNotContain(errorReason);
    }

    @Test
    void theCareTeamsPhysician_readsAllergies_andNoKnownAllergiesWhileItHolds() throws Exception {
        long[] p = patientSeenBy(physician);
        long patient = p[0];
        physician.call(() -> careTeam.addMember(patient, DEMO_PHYSICIAN, "Consultant"));
        IGenericClient fhir = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        String byPatient = "AllergyIntolerance?patient=Patient/" + patient;
        String nkaId = "nka-" + patient;

        // never asked: nothing, and no "no known allergies" either
        assertThat(search(fhir, byPatient).getTotal()).isZero();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> fhir.read()
                .resource(AllergyIntolerance.class).withId(nkaId).execute())).isNotNull();

        // "no known allergies", recorded explicitly
        physician.call(() -> allergies.noKnownAllergies(patient));
        Bundle none = search(fhir, byPatient);
        assertThat(none.getTotal()).isEqualTo(1);
        AllergyIntolerance nka = entries(none, AllergyIntolerance.class).get(0);
        assertThat(nka.getIdElement().getIdPart()).isEqualTo(nkaId);
        assertThat(nka.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SNOMED, "716186003"));
        assertThat(nka.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(nka.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(nka.getPatient().getReference()).isEqualTo("Patient/" + patient);
        assertThat(nka.getRecorder().getDisplay()).isEqualTo("test-physician");
        AllergyIntolerance read = fhir.read().resource(AllergyIntolerance.class).withId(nkaId).execute();
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("716186003");
        assertThat(search(fhir, byPatient + "&clinical-status=active").getTotal()).isEqualTo(1);
        assertThat(search(fhir, byPatient + "&category=food").getTotal()).isZero();

        // allergies recorded: "no known allergies" no longer holds
        AllergyRecord penicillin = physician.call(() -> allergies.record(patient, new AllergyEntry(p[1],
                CodeSystems.RXNORM, "7980", Allergy.Type.ALLERGY, "Anaphylaxis", Allergy.Severity.SEVERE, null,
                LocalDate.of(2001, 5, 1), null)));
        AllergyRecord peanut = physician.call(() -> allergies.record(patient, new AllergyEntry(null,
                CodeSystems.LOCAL_ALLERGEN, "food-peanut", Allergy.Type.ALLERGY, "Hives", Allergy.Severity.MODERATE,
                null, null, null)));
        AllergyRecord amoxicillin = physician.call(() -> allergies.record(patient, new AllergyEntry(null,
                CodeSystems.RXNORM, "723", Allergy.Type.INTOLERANCE, "Nausea", Allergy.Severity.MILD, null, null,
                null)));
        String errorReason = "Was the sibling's intolerance";
        physician.call(() -> allergies.enteredInError(amoxicillin.id(), amoxicillin.version(), errorReason));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> fhir.read()
                .resource(AllergyIntolerance.class).withId(nkaId).execute())).isNotNull();

        Bundle all = search(fhir, byPatient);
        assertThat(all.getTotal()).isEqualTo(3);
        assertThat(ids(all)).containsExactly(String.valueOf(amoxicillin.id()), String.valueOf(peanut.id()),
                String.valueOf(penicillin.id()));

        // the RxNorm drug allergy
        AllergyIntolerance drug = fhir.read().resource(AllergyIntolerance.class)
                .withId(String.valueOf(penicillin.id())).execute();
        assertThat(drug.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "http://www.nlm.nih.gov/research/umls/rxnorm", "7980", "Penicillin G"));
        assertThat(drug.getCategory()).extracting(c -> c.getValue())
                .containsExactly(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        assertThat(drug.getType()).isEqualTo(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        assertThat(drug.getClinicalStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
        assertThat(drug.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(drug.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(drug.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("Anaphylaxis");
        assertThat(drug.getReactionFirstRep().getSeverity())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
        assertThat(drug.getOnsetDateTimeType().getValueAsString()).isEqualTo("2001-05-01");
        assertThat(drug.getEncounter().getReference()).isEqualTo("Encounter/" + p[1]);
        assertThat(drug.getRecorder().getDisplay()).isEqualTo("test-physician");

        // the food allergy from the hospital's list, with its SNOMED CT substance code
        List<AllergyIntolerance> foods = entries(search(fhir, byPatient + "&category=food"),
                AllergyIntolerance.class);
        assertThat(foods).extracting(a -> a.getIdElement().getIdPart()).containsExactly(String.valueOf(peanut.id()));
        assertThat(foods.get(0).getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urn:asclepius:allergen", "food-peanut"),
                        org.assertj.core.groups.Tuple.tuple(SNOMED, "762952008"));
        assertThat(foods.get(0).getReactionFirstRep().getSeverity())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
        assertThat(search(fhir, byPatient + "&category=medication").getTotal()).isEqualTo(2);

        // the entry in error: kept, no clinical status, the reason as a note; an active search leaves it out
        AllergyIntolerance inError = fhir.read().resource(AllergyIntolerance.class)
                .withId(String.valueOf(amoxicillin.id())).execute();
        assertThat(inError.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(inError.hasClinicalStatus()).isFalse();
        assertThat(inError.getType()).isEqualTo(AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);
        assertThat(inError.getNote()).extracting(n -> n.getText()).contains("Entered in error: " + errorReason);
        assertThat(ids(search(fhir, byPatient + "&clinical-status=active"))).containsExactly(
                String.valueOf(peanut.id()), String.valueOf(penicillin.id()));

        // allergies no longer current and "no known allergies" again: the statement comes first, then the entries
        AllergyRecord peanutNow = physician.call(() -> allergies.find(peanut.id()));
        physician.call(() -> allergies.update(peanut.id(), peanutNow.version(), Allergy.Status.INACTIVE,
                Allergy.Verification.REFUTED, "Hives", Allergy.Severity.MODERATE, "Tolerated peanuts in clinic"));
        AllergyRecord penicillinNow = physician.call(() -> allergies.find(penicillin.id()));
        physician.call(() -> allergies.update(penicillin.id(), penicillinNow.version(), Allergy.Status.RESOLVED,
                Allergy.Verification.CONFIRMED, "Anaphylaxis", Allergy.Severity.SEVERE, "Desensitised"));
        physician.call(() -> allergies.noKnownAllergies(patient));
        Bundle page1 = fhir.search().forResource(AllergyIntolerance.class)
                .where(AllergyIntolerance.PATIENT.hasId("Patient/" + patient)).count(2)
                .returnBundle(Bundle.class).execute();
        assertThat(page1.getTotal()).isEqualTo(4);
        assertThat(ids(page1)).containsExactly(nkaId, String.valueOf(amoxicillin.id()));
        assertThat(ids(fhir.loadPage().next(page1).execute())).containsExactly(String.valueOf(peanut.id()),
                String.valueOf(penicillin.id()));
        assertThat(ids(search(fhir, byPatient + "&clinical-status=resolved"))).containsExactly(
                String.valueOf(penicillin.id()));

        assertThat(audited(patient, "DENIED")).isZero();
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain(errorReason)
                .doesNotContain("Tolerated peanuts in clinic");
    }

    @Test
    void aPhysicianNotTreatingThePatient_andTheIntegrationClient_get403() throws Exception {
        long[] mine = patientSeenBy(physician);
        physician.call(() -> careTeam.addMember(mine[0], DEMO_PHYSICIAN, "Consultant"));
        long[] other = patientSeenBy(otherPhysician);
        long patient = other[0];
        ConditionRecord condition = otherPhysician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.PROBLEM, null, "I10", null, null, null, null, null)));
        AllergyRecord allergy = otherPhysician.call(() -> allergies.record(patient, new AllergyEntry(null,
                CodeSystems.RXNORM, "7980", null, "Rash", null, null, null, null)));

        IGenericClient physicianApi = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        assertThat(search(physicianApi, "Condition?patient=Patient/" + mine[0]).getTotal()).isZero();
        assertThat(search(physicianApi, "AllergyIntolerance?patient=Patient/" + mine[0]).getTotal()).isZero();
        List<Runnable> refused = List.of(
                () -> search(physicianApi, "Condition?patient=Patient/" + patient),
                () -> search(physicianApi, "AllergyIntolerance?patient=Patient/" + patient),
                () -> physicianApi.read().resource(Condition.class).withId(String.valueOf(condition.id())).execute(),
                () -> physicianApi.read().resource(AllergyIntolerance.class).withId(String.valueOf(allergy.id()))
                        .execute(),
                () -> physicianApi.read().resource(AllergyIntolerance.class).withId("nka-" + patient).execute());
        for (Runnable request : refused) {
            ForbiddenOperationException e = catchThrowableOfType(ForbiddenOperationException.class, request::run);
            assertThat(e).isNotNull();
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(issueCode(e)).isEqualTo("forbidden");
            assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                    .contains("not treating this patient");
        }
        // each refusal audited once, as DENIED, with the patient; nothing read
        assertThat(audited(patient, "DENIED")).isEqualTo(refused.size());
        assertThat(audited(patient, "SUCCESS")).isZero();

        // the integration client has no clinical role: 403 for every patient
        IGenericClient integration = HapiFhir.client(ApiTokens.integration());
        List<Runnable> integrationRequests = List.of(
                () -> search(integration, "Condition?patient=Patient/" + mine[0]),
                () -> search(integration, "AllergyIntolerance?patient=Patient/" + mine[0]),
                () -> integration.read().resource(Condition.class).withId(String.valueOf(condition.id())).execute(),
                () -> integration.read().resource(AllergyIntolerance.class).withId(String.valueOf(allergy.id()))
                        .execute(),
                () -> integration.read().resource(AllergyIntolerance.class).withId("nka-" + mine[0]).execute());
        for (Runnable request : integrationRequests) {
            ForbiddenOperationException e = catchThrowableOfType(ForbiddenOperationException.class, request::run);
            assertThat(e).isNotNull();
            assertThat(issueCode(e)).isEqualTo("forbidden");
        }
    }

    @Test
    void badSearches_are400_andUnknownIds404() throws Exception {
        long[] p = patientSeenBy(physician);
        physician.call(() -> careTeam.addMember(p[0], DEMO_PHYSICIAN, "Consultant"));
        IGenericClient fhir = HapiFhir.client(ApiTokens.user(DEMO_PHYSICIAN));
        String patient = "patient=Patient/" + p[0];

        for (String bad : List.of("Condition", "Condition?category=problem-list-item", "AllergyIntolerance",
                "AllergyIntolerance?clinical-status=active", "Condition?patient=Encounter/" + p[1],
                "Condition?" + patient + "&category=health-concern", "Condition?" + patient + "&clinical-status=current",
                "Condition?" + patient + "&encounter=Patient/" + p[0], "Condition?" + patient + "&encounter=abc",
                "Condition?" + patient + "&code:not=I10", "Condition?" + patient + "&onset-date=2020",
                "AllergyIntolerance?" + patient + "&category=drug",
                "AllergyIntolerance?" + patient + "&clinical-status=current",
                "AllergyIntolerance?" + patient + "&criticality=high")) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> search(fhir, bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getSeverity()).as(bad)
                    .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        }

        Map<Class<? extends IBaseResource>, List<String>> unknown = Map.of(
                Condition.class, List.of("999999999999", "abc"),
                AllergyIntolerance.class, List.of("999999999999", "abc", "nka-" + p[0], "nka-999999999999"));
        unknown.forEach((type, ids) -> ids.forEach(id -> {
            ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                    () -> fhir.read().resource(type).withId(id).execute());
            assertThat(e).as(type.getSimpleName() + "/" + id).isNotNull();
            assertThat(issueCode(e)).isEqualTo("not-found");
        }));
    }

    @Test
    void theCapabilityStatement_listsConditionAndAllergyIntolerance_withReadAndTheirSearchParameters()
            throws Exception {
        CapabilityStatement cs = HapiFhir.client(ApiTokens.integration()).capabilities()
                .ofType(CapabilityStatement.class).execute();
        Map<String, List<String>> expected = Map.of(
                "Condition", List.of("patient", "category", "clinical-status", "code", "encounter"),
                "AllergyIntolerance", List.of("patient", "clinical-status", "category"));
        expected.forEach((type, parameters) -> {
            var resource = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type))
                    .findFirst().orElseThrow(() -> new AssertionError(type + " is not in the CapabilityStatement"));
            assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode()).as(type)
                    .contains("read", "search-type");
            assertThat(resource.getSearchParam()).extracting(sp -> sp.getName()).as(type)
                    .containsExactlyInAnyOrderElementsOf(parameters);
        });
    }
}
