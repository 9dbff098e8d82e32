package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.Refusals.fieldError;
import static org.asclepius.hms.systemtest.support.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.asclepius.hms.clinical.access.CareTeamService;
import org.asclepius.hms.clinical.allergies.Allergy;
import org.asclepius.hms.clinical.allergies.AllergyAssessment;
import org.asclepius.hms.clinical.allergies.AllergyBanner;
import org.asclepius.hms.clinical.allergies.AllergyEntry;
import org.asclepius.hms.clinical.allergies.AllergyRecord;
import org.asclepius.hms.clinical.allergies.AllergyService;
import org.asclepius.hms.clinical.problems.ClinicalStatus;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionEntry;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.problems.ConditionService;
import org.asclepius.hms.clinical.problems.DiagnosisRank;
import org.asclepius.hms.clinical.problems.Verification;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.clinical.chart.ChartService;
import org.asclepius.hms.clinical.medications.Medication;
import org.asclepius.hms.clinical.medications.MedicationRecord;
import org.asclepius.hms.clinical.medications.MedicationService;
import org.asclepius.hms.clinical.notes.ClinicalNote;
import org.asclepius.hms.clinical.notes.ClinicalNoteVersion;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderEntry;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderPriority;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.clinical.vitals.VitalSignsEntry;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsLabTechnician;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsOtherPhysician;
import org.asclepius.hms.systemtest.callers.AsPharmacist;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.clock.TestClock;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health record's entries in the container: vital signs (plausible ranges, BMI, latest, trend, entered in
 * error), signed notes (drafts editable, signed ones never; addenda and amendments keep every version), orders with
 * their status history, and the medication list a signed prescription feeds.
 */
@ExtendWith(ArquillianExtension.class)
class ClinicalRecordsIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(ClinicalRecordsIT.class, TestClock.class);
    }

    @EJB
    VitalSignService vitals;
    @EJB
    NoteService notes;
    @EJB
    OrderService orders;
    @EJB
    MedicationService medications;
    @EJB
    ChartService chart;
    @EJB
    ConditionService conditions;
    @EJB
    AllergyService allergies;
    @EJB
    org.asclepius.hms.systemtest.callers.AsBillingClerk billing;
    @EJB
    org.asclepius.hms.systemtest.callers.AsSystem system;
    @EJB
    CareTeamService careTeam;
    @EJB
    VisitService visits;
    @EJB
    PatientService patients;
    @EJB
    AsReceptionist desk;
    @EJB
    AsPhysician physician;
    @EJB
    AsOtherPhysician otherPhysician;
    @EJB
    AsNurse nurse;
    @EJB
    AsLabTechnician lab;
    @EJB
    AsPharmacist pharmacist;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    /** A patient and the encounter test-physician attends; test-nurse is on the care team. */
    private long[] patientInConsultation() throws Exception {
        long patient = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Record"),
                "Marta", LocalDate.of(1968, 11, 30)))).id();
        VisitRecord visit = desk.call(() -> visits.walkIn(patient, "Medicine", "Shortness of breath"));
        physician.call(() -> visits.startConsultation(visit.id(), visit.version()));
        physician.call(() -> careTeam.addMember(patient, "test-nurse", "Ward nurse"));
        return new long[] {patient, visit.encounterId()};
    }

    private static VitalSignsEntry set(long encounter, String temp, Integer pulse, Integer sys, Integer dia,
                                       String weight, String height) {
        return new VitalSignsEntry(encounter, null, temp == null ? null : new BigDecimal(temp), pulse, 16, sys, dia,
                97, weight == null ? null : new BigDecimal(weight), height == null ? null : new BigDecimal(height), 2);
    }

    @Test
    void vitalSigns_areCheckedRecordedWithBmi_andReadAsLatestAndTrend() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];

        // implausible values are refused beside their fields and nothing is kept
        Throwable bad = refusal(() -> nurse.call(() -> vitals.record(patient,
                set(p[1], "47.5", 300, 80, 95, null, null))));
        Map<String, String> errors = ((InvalidInputException) bad).getFieldErrors();
        assertThat(errors.get("temperature")).contains("between 30.0 and 45.0");
        assertThat(errors.get("pulse")).contains("between 20 and 250");
        assertThat(errors.get("diastolic")).contains("lower than the systolic");
        assertThat(fieldError(refusal(() -> nurse.call(() -> vitals.record(patient,
                new VitalSignsEntry(p[1], null, null, null, null, null, null, null, null, null, null)))),
                "temperature")).contains("at least one");
        assertThat(Db.number(db, "select count(*) from observation where patient_id = ?", patient)).isZero();

        var first = nurse.call(() -> vitals.record(patient, set(p[1], "37.2", 88, 132, 84, "80.0", "180")));
        assertThat(first.items()).extracting(ObservationRecord::kind).contains(VitalSign.TEMPERATURE,
                VitalSign.PULSE, VitalSign.BLOOD_PRESSURE, VitalSign.WEIGHT, VitalSign.HEIGHT, VitalSign.BMI);
        ObservationRecord bmi = first.items().stream().filter(o -> o.kind() == VitalSign.BMI).findFirst()
                .orElseThrow();
        assertThat(bmi.value()).isEqualByComparingTo("24.7");
        assertThat(bmi.derived()).isTrue();
        assertThat(first.items()).extracting(ObservationRecord::panelId).containsOnly(first.items().get(0).id());

        TestClock.advance(Duration.ofHours(4));
        // a later weight alone: BMI from the height recorded before
        var second = nurse.call(() -> vitals.record(patient, set(p[1], "38.4", 112, 118, 76, "78.0", null)));
        assertThat(second.items().stream().filter(o -> o.kind() == VitalSign.BMI).findFirst().orElseThrow().value())
                .isEqualByComparingTo("24.1");

        var latest = physician.call(() -> vitals.latest(patient)).items();
        assertThat(latest.stream().filter(o -> o.kind() == VitalSign.TEMPERATURE).findFirst().orElseThrow().value())
                .isEqualByComparingTo("38.4");
        assertThat(latest.stream().filter(o -> o.kind() == VitalSign.BLOOD_PRESSURE).findFirst().orElseThrow()
                .display()).isEqualTo("118/76 mmHg");
        assertThat(physician.call(() -> vitals.trend(patient, VitalSign.PULSE, null, null, 100)).items())
                .extracting(o -> o.value().intValue()).containsExactly(88, 112);

        // the mistaken temperature is entered in error: kept, out of the latest and the trend
        ObservationRecord wrong = second.items().stream().filter(o -> o.kind() == VitalSign.TEMPERATURE)
                .findFirst().orElseThrow();
        assertThat(fieldError(refusal(() -> nurse.call(() -> vitals.enteredInError(wrong.id(), wrong.version(), ""))),
                "reason")).isNotBlank();
        nurse.call(() -> vitals.enteredInError(wrong.id(), wrong.version(), "Thermometer of the next bed"));
        assertThat(physician.call(() -> vitals.latest(patient)).items().stream()
                .filter(o -> o.kind() == VitalSign.TEMPERATURE).findFirst().orElseThrow().value())
                .isEqualByComparingTo("37.2");
        assertThat(Db.number(db, "select count(*) from observation where patient_id = ? and status = 'ENTERED_IN_ERROR'",
                patient)).isEqualTo(1);

        // the chart summary shows the latest vitals and counts them on the encounter
        var summary = physician.call(() -> chart.open(patient));
        assertThat(summary.latestVitals()).extracting(ObservationRecord::kind).contains(VitalSign.PULSE);
        assertThat(summary.timeline().get(0).vitalSigns()).isEqualTo(first.items().size() + second.items().size());
    }

    @Test
    void notes_draftsAreEdited_signedNotesNever_correctionsKeepEveryVersion() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];

        assertThat(fieldError(refusal(() -> physician.call(() -> notes.startDraft(patient, p[1], NoteTemplate.SOAP,
                null, Map.of("History", "x")))), "sections")).contains("not a section");

        NoteRecord draft = physician.call(() -> notes.startDraft(patient, p[1], NoteTemplate.SOAP, null,
                Map.of("Subjective", "Breathless on exertion for 3 days")));
        assertThat(draft.status()).isEqualTo(ClinicalNote.Status.DRAFT);
        assertThat(draft.title()).isEqualTo("SOAP note");
        // only its author edits a draft
        assertThat(refusal(() -> otherPhysician.call(() -> notes.saveDraft(draft.id(), draft.version(), null,
                Map.of("Plan", "x"))))).isInstanceOf(DomainException.class);
        NoteRecord edited = physician.call(() -> notes.saveDraft(draft.id(), draft.version(), "Medicine review",
                Map.of("Subjective", "Breathless on exertion for 3 days", "Assessment", "Likely CHF, BNP > 400",
                        "Plan", "Furosemide, daily weights")));
        assertThat(edited.sections()).containsEntry("Assessment", "Likely CHF, BNP > 400");

        NoteRecord signed = physician.call(() -> notes.sign(edited.id(), edited.version()));
        assertThat(signed.status()).isEqualTo(ClinicalNote.Status.SIGNED);
        assertThat(signed.signedBy()).isEqualTo("test-physician");
        assertThat(signed.versions()).hasSize(1);

        // a signed note is never edited
        Throwable edit = refusal(() -> physician.call(() -> notes.saveDraft(signed.id(), signed.version(), null,
                Map.of("Plan", "changed"))));
        assertThat(edit).isInstanceOf(DomainException.class).hasMessageContaining("cannot be edited")
                .hasMessageContaining("addendum");

        // an addendum by a nurse on the care team, an amendment by the author with a reason
        NoteRecord withAddendum = nurse.call(() -> notes.addendum(signed.id(), signed.version(),
                "Weight 78 kg this morning", null));
        assertThat(fieldError(refusal(() -> physician.call(() -> notes.amend(signed.id(), withAddendum.version(),
                Map.of("Assessment", "CHF"), " "))), "reason")).isNotBlank();
        assertThat(refusal(() -> nurse.call(() -> notes.amend(signed.id(), withAddendum.version(),
                Map.of("Assessment", "CHF"), "Wrong")))).hasMessageContaining("Only the author");
        NoteRecord amended = physician.call(() -> notes.amend(signed.id(), withAddendum.version(),
                Map.of("Subjective", "Breathless on exertion for 3 days", "Assessment", "CHF, NYHA III",
                        "Plan", "Furosemide, daily weights"), "NYHA class added"));
        assertThat(amended.status()).isEqualTo(ClinicalNote.Status.AMENDED);
        assertThat(amended.versions()).extracting(NoteRecord.VersionRecord::kind).containsExactly(
                ClinicalNoteVersion.Kind.ORIGINAL, ClinicalNoteVersion.Kind.ADDENDUM,
                ClinicalNoteVersion.Kind.AMENDMENT);
        assertThat(amended.sections()).containsEntry("Assessment", "CHF, NYHA III");
        assertThat(amended.versions().get(0).sections()).containsEntry("Assessment", "Likely CHF, BNP > 400");
        assertThat(amended.addenda()).hasSize(1);
        assertThat(amended.plainText()).contains("Weight 78 kg this morning");

        // signing an empty draft is refused; entered in error needs a reason and keeps the note
        NoteRecord empty = nurse.call(() -> notes.startDraft(patient, p[1], NoteTemplate.PROGRESS, null, Map.of()));
        assertThat(fieldError(refusal(() -> nurse.call(() -> notes.sign(empty.id(), empty.version()))), "sections"))
                .contains("at least one section");
        assertThat(fieldError(refusal(() -> nurse.call(() -> notes.enteredInError(empty.id(), empty.version(), ""))),
                "reason")).isNotBlank();
        nurse.call(() -> notes.enteredInError(empty.id(), empty.version(), "Wrong patient"));
        assertThat(physician.call(() -> notes.list(patient, null, 0, 10)).items())
                .extracting(NoteRecord::status).containsExactlyInAnyOrder(ClinicalNote.Status.AMENDED,
                        ClinicalNote.Status.ENTERED_IN_ERROR);
        assertThat(Db.number(db, "select count(*) from clinical_note_version v join clinical_note n on n.id = v.note_id"
                + " where n.patient_id = ?", patient)).isEqualTo(3);
    }

    @Test
    void orders_areSignedByAPhysician_fulfilled_andAPrescriptionFeedsTheMedicationList() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];

        Throwable unknown = refusal(() -> physician.call(() -> orders.draft(patient, new OrderEntry(p[1],
                OrderKind.LAB, "99999-9", OrderPriority.ROUTINE, null, null, null, null, null, null))));
        assertThat(fieldError(unknown, "code")).contains("unknown lab test code 99999-9");
        Throwable noDose = refusal(() -> physician.call(() -> orders.draft(patient, new OrderEntry(p[1],
                OrderKind.MEDICATION, "314076", OrderPriority.ROUTINE, null, null, null, null, null, null))));
        assertThat(((InvalidInputException) noDose).getFieldErrors()).containsKeys("dose", "route", "frequency");

        // a lab order: a nurse drafts it (verbal order), a physician signs, the lab starts and completes it
        OrderRecord cbc = nurse.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.LAB, "58410-2",
                OrderPriority.URGENT, "Breathlessness", null, null, null, null, null)));
        assertThat(refusal(() -> nurse.call(() -> orders.sign(cbc.id(), cbc.version()))))
                .isInstanceOf(EJBAccessException.class);
        OrderRecord signed = physician.call(() -> orders.sign(cbc.id(), cbc.version()));
        assertThat(refusal(() -> physician.call(() -> orders.sign(signed.id(), signed.version()))))
                .hasMessageContaining("cannot be signed");
        OrderRecord started = lab.call(() -> orders.start(signed.id(), signed.version()));
        OrderRecord done = lab.call(() -> orders.complete(started.id(), started.version(), "Result reported"));
        assertThat(done.history()).extracting(OrderRecord.Change::status).containsExactly(OrderStatus.DRAFT,
                OrderStatus.SIGNED, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED);
        assertThat(done.history()).extracting(OrderRecord.Change::by).containsExactly("test-nurse",
                "test-physician", "test-lab", "test-lab");
        // the lab does not read the chart for it
        assertThat(refusal(() -> lab.call(() -> notes.list(patient, null, 0, 10)))).isInstanceOf(DomainException.class);

        // a prescription: signed, it is on the medication list linked to the order; cancelled, the line stops
        OrderRecord rx = physician.call(() -> orders.draft(patient, new OrderEntry(p[1], OrderKind.MEDICATION,
                "314076", OrderPriority.ROUTINE, "Hypertension", null, "1 tablet", "oral", "once daily", 30)));
        assertThat(rx.code().display()).isEqualTo("lisinopril 10 MG Oral Tablet");
        OrderRecord rxSigned = physician.call(() -> orders.sign(rx.id(), rx.version()));
        MedicationRecord line = physician.call(() -> medications.list(patient, false)).items().get(0);
        assertThat(line.orderId()).isEqualTo(rxSigned.id());
        assertThat(line.source()).isEqualTo(Medication.Source.PRESCRIBED);
        assertThat(line.summary()).isEqualTo("lisinopril 10 MG Oral Tablet — 1 tablet, oral, once daily");
        assertThat(fieldError(refusal(() -> physician.call(() -> orders.cancel(rxSigned.id(), rxSigned.version(),
                null))), "reason")).isNotBlank();
        physician.call(() -> orders.cancel(rxSigned.id(), rxSigned.version(), "Cough: switching to losartan"));
        assertThat(physician.call(() -> medications.list(patient, false)).items()).isEmpty();
        MedicationRecord stopped = physician.call(() -> medications.list(patient, true)).items().get(0);
        assertThat(stopped.status()).isEqualTo(Medication.Status.STOPPED);
        assertThat(stopped.stopReason()).contains("switching to losartan");

        // a medication the patient reports taking; stopping it needs a reason
        MedicationRecord home = nurse.call(() -> medications.report(patient, "197361", "amlodipine 5 MG Oral Tablet",
                "1 tablet", "oral", "daily", null));
        assertThat(physician.call(() -> medications.list(patient, false)).items()).singleElement()
                .satisfies(listed -> {
                    assertThat(listed.id()).isEqualTo(home.id());
                    assertThat(listed.orderId()).as("reported, not prescribed").isNull();
                    assertThat(listed.code()).isEqualTo(home.code());
                    assertThat(listed.source()).isEqualTo(Medication.Source.REPORTED);
                    assertThat(listed.summary()).isEqualTo("amlodipine 5 MG Oral Tablet — 1 tablet, oral, daily");
                    assertThat(listed.recordedBy()).isEqualTo(home.recordedBy());
                });
        assertThat(fieldError(refusal(() -> physician.call(() -> medications.stop(home.id(), home.version(), ""))),
                "reason")).isNotBlank();
        assertThat(refusal(() -> nurse.call(() -> medications.stop(home.id(), home.version(), "x"))))
                .isInstanceOf(EJBAccessException.class);
        physician.call(() -> medications.stop(home.id(), home.version(), "Ankle oedema"));
        assertThat(physician.call(() -> chart.open(patient)).medications()).isEmpty();
        assertThat(physician.call(() -> chart.open(patient)).timeline().get(0).orders()).isEqualTo(2);
    }

    @Test
    void problemsAndDiagnoses_areCodedInIcd10Cm_withOnePrimaryPerEncounter() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];

        assertThat(fieldError(refusal(() -> physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.PROBLEM, null, "X99.999", null, null, null, null, null)))), "code"))
                .contains("Unknown ICD-10-CM code X99.999");
        assertThat(fieldError(refusal(() -> physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, p[1], "I10", null, null, null, null, null)))), "rank"))
                .contains("primary or secondary");
        assertThat(refusal(() -> nurse.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, p[1], "I10", null, null, null, DiagnosisRank.PRIMARY, null)))))
                .hasMessageContaining("recorded by a physician");

        ConditionRecord problem = nurse.call(() -> conditions.add(patient, new ConditionEntry(ConditionCategory.PROBLEM,
                null, "e11.9", LocalDate.of(2015, 6, 1), null, null, null, "Diet and metformin")));
        assertThat(problem.code().code()).isEqualTo("E11.9");
        assertThat(problem.code().system()).isEqualTo(CodeSystems.ICD10CM);
        assertThat(problem.code().display()).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(fieldError(refusal(() -> physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.PROBLEM, null, "E11.9", null, null, null, null, null)))), "code"))
                .contains("already an active problem");

        ConditionRecord primary = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, p[1], "J44.9", null, null, Verification.PROVISIONAL,
                DiagnosisRank.PRIMARY, null)));
        assertThat(fieldError(refusal(() -> physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, p[1], "I10", null, null, null, DiagnosisRank.PRIMARY, null)))), "rank"))
                .contains("primary diagnosis is J44.9");
        ConditionRecord secondary = physician.call(() -> conditions.add(patient, new ConditionEntry(
                ConditionCategory.DIAGNOSIS, p[1], "I10", null, null, null, DiagnosisRank.SECONDARY, null)));
        // the database holds one primary per encounter whatever the code does
        assertThat(refusal(() -> { Db.execute(db, "update clinical_condition set diagnosis_rank = 'PRIMARY',"
                + " primary_encounter_id = encounter_id where id = " + secondary.id()); return null; }))
                .isInstanceOf(java.sql.SQLException.class);

        // billing reads the codes, primary first, and nothing else
        assertThat(billing.call(() -> conditions.billingCodes(p[1])).icd10Codes()).containsExactly("J44.9", "I10");
        assertThat(refusal(() -> billing.call(() -> conditions.list(patient, null, null, false))))
                .isInstanceOf(EJBAccessException.class);

        // resolved, and entered in error with a reason
        ConditionRecord resolved = nurse.call(() -> conditions.update(problem.id(), problem.version(),
                ClinicalStatus.RESOLVED, Verification.CONFIRMED, null, null));
        assertThat(resolved.abatementDate()).isNotNull();
        assertThat(physician.call(() -> conditions.list(patient, ConditionCategory.PROBLEM, null, true)).items())
                .isEmpty();
        assertThat(fieldError(refusal(() -> physician.call(() -> conditions.enteredInError(primary.id(),
                primary.version(), null))), "reason")).isNotBlank();
        physician.call(() -> conditions.enteredInError(primary.id(), primary.version(), "Spirometry normal"));
        // with the primary gone, the secondary may become primary
        ConditionRecord promoted = physician.call(() -> conditions.rank(secondary.id(), secondary.version(),
                DiagnosisRank.PRIMARY));
        assertThat(promoted.rank()).isEqualTo(DiagnosisRank.PRIMARY);
        assertThat(physician.call(() -> chart.open(patient)).timeline().get(0).diagnoses()).isEqualTo(2);
    }

    @Test
    void allergies_areCoded_noKnownAllergiesIsExplicit_andTheBannerShowsThemToTheCareTeamOnly() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];

        assertThat(physician.call(() -> allergies.banner(patient)).state())
                .isEqualTo(AllergyBanner.State.NOT_RECORDED);
        assertThat(physician.call(() -> allergies.noKnownAllergies(patient)).noKnownAllergies()).isTrue();
        assertThat(physician.call(() -> allergies.banner(patient)).text()).isEqualTo("No known allergies");

        assertThat(fieldError(refusal(() -> nurse.call(() -> allergies.record(patient, new AllergyEntry(null,
                CodeSystems.RXNORM, "0000000", null, null, null, null, null, null)))), "allergen"))
                .contains("Unknown allergen");
        AllergyRecord penicillin = nurse.call(() -> allergies.record(patient, new AllergyEntry(p[1],
                CodeSystems.RXNORM, "7980", Allergy.Type.ALLERGY, "Anaphylaxis", Allergy.Severity.SEVERE, null,
                null, null)));
        assertThat(penicillin.category()).isEqualTo(Allergy.Category.MEDICATION);
        assertThat(penicillin.allergen().display()).isEqualTo("Penicillin G");
        nurse.call(() -> allergies.record(patient, new AllergyEntry(null, CodeSystems.LOCAL_ALLERGEN, "food-peanut",
                Allergy.Type.ALLERGY, "Hives", Allergy.Severity.MODERATE, null, null, null)));
        assertThat(fieldError(refusal(() -> nurse.call(() -> allergies.record(patient, new AllergyEntry(null,
                CodeSystems.RXNORM, "7980", null, null, null, null, null, null)))), "allergen"))
                .contains("already on the allergy list");
        // "no known allergies" is refused while allergies are recorded
        assertThat(refusal(() -> physician.call(() -> allergies.noKnownAllergies(patient))))
                .hasMessageContaining("Penicillin G");

        AllergyBanner banner = physician.call(() -> allergies.banner(patient));
        assertThat(banner.state()).isEqualTo(AllergyBanner.State.ALLERGIES);
        assertThat(banner.text()).contains("Penicillin G (severe: Anaphylaxis)").contains("Peanut");
        assertThat(physician.call(() -> chart.open(patient)).allergies().current()).hasSize(2);
        // the front desk and a clinician outside the care relationship see no allergies in the banner
        assertThat(desk.call(() -> allergies.banner(patient)).state()).isEqualTo(AllergyBanner.State.HIDDEN);
        assertThat(otherPhysician.call(() -> allergies.banner(patient)).text()).isEqualTo("Allergies: open the chart");

        nurse.call(() -> allergies.enteredInError(penicillin.id(), penicillin.version(), "Was amoxicillin rash in"
                + " sibling"));
        assertThat(physician.call(() -> allergies.banner(patient)).text()).doesNotContain("Penicillin")
                .contains("Peanut");
        // the list: each entry once, with the latest assessment (recording an allergy superseded "no known")
        var list = physician.call(() -> allergies.list(patient, false));
        assertThat(list.items()).extracting(a -> a.allergen().display()).containsExactly("Peanut");
        assertThat(list.assessment()).isEqualTo(AllergyAssessment.Finding.ALLERGIES_RECORDED);
        var withErrors = physician.call(() -> allergies.list(patient, true));
        assertThat(withErrors.items()).hasSize(2).extracting(AllergyRecord::id).doesNotHaveDuplicates();
        AllergyRecord listedPenicillin = withErrors.items().stream().filter(a -> a.id() == penicillin.id())
                .findFirst().orElseThrow();
        assertThat(listedPenicillin.encounterId()).isEqualTo(p[1]);
        assertThat(listedPenicillin.allergen()).isEqualTo(penicillin.allergen());
        assertThat(listedPenicillin.severity()).isEqualTo(Allergy.Severity.SEVERE);
        assertThat(listedPenicillin.verification()).isEqualTo(Allergy.Verification.ENTERED_IN_ERROR);
        assertThat(listedPenicillin.errorReason()).isEqualTo("Was amoxicillin rash in sibling");
        assertThat(listedPenicillin.version()).isGreaterThan(penicillin.version());
        assertThat(list.items().get(0).encounterId()).isNull();
        assertThat(list.items().get(0).category()).isEqualTo(Allergy.Category.FOOD);
        assertThat(list.items().get(0).summary()).isEqualTo("Peanut (moderate: Hives)");
        assertThat(withErrors.assessment()).isEqualTo(AllergyAssessment.Finding.ALLERGIES_RECORDED);
    }

    @Test
    void syntheaConditions_stayInSnomedCt_andCarryTheirIcd10CmMapWhereOneIsKnown() throws Exception {
        long[] p = patientInConsultation();
        long patient = p[0];
        int imported = 0;
        try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream("/synthea/conditions-one-patient.csv"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (var row : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(in)) {
                var code = new org.asclepius.hms.shared.Code(row.get("SYSTEM"), row.get("CODE"), row.get("DESCRIPTION"));
                LocalDate start = LocalDate.parse(row.get("START"));
                LocalDate stop = row.get("STOP").isBlank() ? null : LocalDate.parse(row.get("STOP"));
                system.call(() -> conditions.importCondition(patient, null, ConditionCategory.PROBLEM, code, start,
                        stop));
                imported++;
            }
        }
        assertThat(imported).isEqualTo(40);
        var all = physician.call(() -> conditions.list(patient, ConditionCategory.PROBLEM, null, false)).items();
        assertThat(all).hasSize(40).allMatch(c -> c.code().system().equals(CodeSystems.SNOMED));
        ConditionRecord hypertension = all.stream().filter(c -> c.code().code().equals("59621000")).findFirst()
                .orElseThrow();
        assertThat(hypertension.mappedCode()).isEqualTo("I10");
        assertThat(hypertension.clinicalStatus()).isEqualTo(ClinicalStatus.ACTIVE);
        assertThat(all.stream().filter(c -> c.code().code().equals("160903007")).findFirst().orElseThrow()
                .mappedCode()).as("employment has no ICD-10-CM code").isNull();
        assertThat(all.stream().filter(c -> c.code().code().equals("66383009")).toList())
                .allMatch(c -> c.clinicalStatus() == ClinicalStatus.RESOLVED && c.abatementDate() != null);
        // a clinician cannot import; a made-up code system is refused
        assertThat(refusal(() -> physician.call(() -> conditions.importCondition(patient, null,
                ConditionCategory.PROBLEM, new org.asclepius.hms.shared.Code(CodeSystems.SNOMED, "59621000", "x"),
                null, null)))).isInstanceOf(EJBAccessException.class);
        assertThat(fieldError(refusal(() -> system.call(() -> conditions.importCondition(patient, null,
                ConditionCategory.PROBLEM, new org.asclepius.hms.shared.Code("urn:made-up", "1", "x"), null, null))),
                "code")).contains("ICD-10-CM or SNOMED CT");
    }

    @Test
    void triageObservations_goIntoTheChartOfTheVisit() throws Exception {
        long patient = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Triage"),
                "Olga", LocalDate.of(1950, 2, 2)))).id();
        VisitRecord visit = desk.call(() -> visits.walkIn(patient, "Medicine", "Fever"));
        VisitRecord triaged = nurse.call(() -> visits.triage(visit.id(), visit.version(),
                new org.asclepius.hms.observation.Vitals(22, 94, false, false, 104, 118,
                        org.asclepius.hms.observation.Consciousness.ALERT, new BigDecimal("38.9")), "Fever", null));
        physician.call(() -> visits.startConsultation(triaged.id(), triaged.version()));

        var latest = physician.call(() -> vitals.latest(patient)).items();
        assertThat(latest).extracting(ObservationRecord::kind).containsExactlyInAnyOrder(VitalSign.TEMPERATURE,
                VitalSign.PULSE, VitalSign.RESPIRATION, VitalSign.BLOOD_PRESSURE, VitalSign.SPO2);
        assertThat(latest).allMatch(o -> o.encounterId() == visit.encounterId());
        assertThat(latest.stream().filter(o -> o.kind() == VitalSign.PULSE).findFirst().orElseThrow().value())
                .isEqualByComparingTo("118");
        assertThat(latest.stream().filter(o -> o.kind() == VitalSign.BLOOD_PRESSURE).findFirst().orElseThrow()
                .display()).isEqualTo("104 mmHg systolic");
    }
}
