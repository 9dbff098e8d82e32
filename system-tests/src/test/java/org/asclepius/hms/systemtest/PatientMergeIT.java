package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.asclepius.hms.patient.IdentifierEntry;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientMergeRecord;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientQuery;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.patient.coverage.CoverageData;
import org.asclepius.hms.patient.coverage.CoveragePriority;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.asclepius.hms.patient.coverage.SubscriberRelationship;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ReminderService;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.WaitlistData;
import org.asclepius.hms.scheduling.WaitlistService;
import org.asclepius.hms.inpatient.AdmissionPriority;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionRequestData;
import org.asclepius.hms.inpatient.AdmissionRequestService;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsBillingClerk;
import org.asclepius.hms.systemtest.callers.AsPrivacyOfficer;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.callers.AsRecordsOfficer;
import org.asclepius.hms.systemtest.callers.Jpa;
import org.asclepius.hms.systemtest.callers.OpenAdmissionsForTests;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.SchedulingFixture.Clinic;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Merge and unmerge: every association to Patient in the JPA metamodel (and every foreign key to the patient
 * table) stops pointing at the retired record, the retired record still resolves, and an unmerge puts back
 * exactly what was there.
 */
@ExtendWith(ArquillianExtension.class)
class PatientMergeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(PatientMergeIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    PatientMergeService merges;
    @EJB
    CoverageService coverages;
    @EJB
    AsReceptionist receptionist;
    @EJB
    AsBillingClerk billingClerk;
    @EJB
    AsRecordsOfficer recordsOfficer;
    @EJB
    AsPrivacyOfficer privacyOfficer;
    @EJB
    Jpa jpa;
    @EJB
    AsAdmin admin;
    @EJB
    ScheduleService schedules;
    @EJB
    AppointmentService appointments;
    @EJB
    WaitlistService waitlist;
    @EJB
    ReminderService reminders;
    @EJB
    BedService beds;
    @EJB
    AdmissionService admissions;
    @EJB
    AdmissionRequestService admissionRequests;
    @EJB
    AsPhysician physician;
    @EJB
    org.asclepius.hms.clinical.access.BreakGlassService breakGlass;
    @EJB
    org.asclepius.hms.clinical.access.CareTeamService careTeam;
    @EJB
    org.asclepius.hms.clinical.vitals.VitalSignService vitals;
    @EJB
    org.asclepius.hms.clinical.problems.ConditionService conditions;
    @EJB
    org.asclepius.hms.clinical.allergies.AllergyService allergies;
    @EJB
    org.asclepius.hms.clinical.orders.OrderService orders;
    @EJB
    org.asclepius.hms.clinical.notes.NoteService notes;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    /** Rows of one association: row id → the patient it points at (only rows pointing at the given patients). */
    private Map<String, Map<String, Long>> snapshot(List<SingularAttribute<?, ?>> refs, long... patientIds) {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (SingularAttribute<?, ?> ref : refs) {
            EntityType<?> owner = (EntityType<?>) ref.getDeclaringType();
            String id = owner.getId(owner.getIdType().getJavaType()).getName();
            Map<String, Long> rows = new TreeMap<>();
            for (long patientId : patientIds) {
                for (Object row : jpa.list("select e." + id + " from " + owner.getName() + " e where e."
                        + ref.getName() + ".id = :p", patientId)) {
                    rows.put(String.valueOf(row), patientId);
                }
            }
            all.put(owner.getName() + "." + ref.getName(), rows);
        }
        return all;
    }

    /** Every association to Patient in the persistence unit, walked here independently of the service. */
    private List<SingularAttribute<?, ?>> associationsToPatient() {
        List<SingularAttribute<?, ?>> refs = new ArrayList<>();
        for (EntityType<?> type : jpa.metamodel().getEntities()) {
            for (Attribute<?, ?> a : type.getAttributes()) {
                if (a instanceof SingularAttribute<?, ?> s && s.isAssociation()
                        && Patient.class.isAssignableFrom(s.getJavaType())) {
                    refs.add(s);
                }
            }
        }
        return refs;
    }

    /** Foreign-key columns to patient(id) in the database, as "table.column". */
    private List<String> foreignKeysToPatient() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String table = meta.storesUpperCaseIdentifiers() ? "PATIENT" : "patient";
            try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), c.getSchema(), table)) {
                while (rs.next()) {
                    columns.add(rs.getString("FKTABLE_NAME").toLowerCase() + "." + rs.getString("FKCOLUMN_NAME")
                            .toLowerCase());
                }
            }
        }
        return columns;
    }

    private PatientRecord register(String family, String given, String passport) throws Exception {
        PatientData d = TestData.patient(family, given, LocalDate.of(1971, 3, 14));
        if (passport != null) {
            d.getIdentifiers().add(new IdentifierEntry(IdentifierType.PASSPORT, passport));
        }
        return receptionist.call(() -> patients.register(d));
    }

    private static CoverageData coverage(String payer) {
        CoverageData d = new CoverageData();
        d.setPayerName(payer);
        d.setMemberId("M-" + System.nanoTime());
        d.setPriority(CoveragePriority.PRIMARY);
        d.setRelationship(SubscriberRelationship.SELF);
        d.setEffectiveFrom(LocalDate.of(2026, 1, 1));
        return d;
    }

    private static String passport() {
        return "P" + (System.nanoTime() % 100_000_000L);
    }

    @Test
    void merge_repointsEveryReferenceToTheRetiredRecord_andUnmergeRestoresExactly() throws Exception {
        String family = TestData.uniqueFamilyName("Merge");
        PatientRecord survivor = register(family, "Amara", passport());
        PatientRecord retired = register(family, "Amarah", passport());
        PatientRecord older = register(family, "Amra", null);
        billingClerk.call(() -> coverages.add(retired.id(), coverage("Northwind Health")));
        billingClerk.call(() -> coverages.add(survivor.id(), coverage("Contoso Care")));
        // an earlier duplicate was merged into the record that is now retired: that link must follow too
        recordsOfficer.call(() -> merges.merge(retired.id(), patients(retired.id()).version(), older.id(),
                patients(older.id()).version(), "registered twice in 2019", null));
        long reviewId = -System.nanoTime() % 1_000_000_000L - 1;
        Db.execute(db, "insert into duplicate_review (id, patient_a, patient_b, score, grade, status, found_at)"
                + " values (" + reviewId + ", " + Math.min(survivor.id(), retired.id()) + ", "
                + Math.max(survivor.id(), retired.id()) + ", 31.5, 'CERTAIN', 'OPEN', current_timestamp)");

        // scheduling: a weekly series (appointments, with their reminders in the outbox), a waitlist entry, and an
        // opt-out of reminders
        Clinic clinic = admin.call(() -> SchedulingFixture.create(schedules, "Merge"));
        receptionist.call(() -> appointments.bookSeries(BookingRequest.of(retired.id(), clinic.consultation(),
                SchedulingFixture.at(2, 9, 0), List.of(clinic.providerId())), 1, 2, java.util.Set.of()));
        receptionist.call(() -> waitlist.add(WaitlistData.of(retired.id(), clinic.consultation(), null,
                LocalDate.now().plusDays(1), LocalDate.now().plusDays(20))));
        receptionist.call(() -> reminders.optOut(retired.id()));
        // patient flow: an inpatient stay, over (an open admission would refuse the merge): encounter, admission,
        // bed stay
        long ward = admin.call(() -> beds.createWard(WardData.of("MG" + System.nanoTime() % 1_000_000_000L,
                "Merge ward", "Internal medicine")));
        long bed = admin.call(() -> beds.addBed(ward, "R1", "B1", BedKind.GENERAL)).id();
        AdmissionRecord stay = physician.call(() -> admissions.admit(retired.id(), bed, AdmissionSource.DIRECT,
                "observation", null));
        physician.call(() -> admissions.discharge(stay.id(), stay.version(), "home", null));
        var request = physician.call(() -> admissionRequests.request(retired.id(), new AdmissionRequestData(
                AdmissionSource.DIRECT, AdmissionPriority.ROUTINE, "readmission?", null, null, null, null, null)));
        physician.call(() -> admissionRequests.cancel(request.id(), request.version(), "not needed"));

        // the health record: a break-the-glass access (the physician does not treat the retired record), its care
        // team, a vital sign, a problem, an allergy (and its assessment), a prescription (order and medication line)
        // and a note
        physician.call(() -> breakGlass.breakGlass(retired.id(), "Merge test: recording a chart to be moved", 60));
        physician.call(() -> careTeam.addMember(retired.id(), "test-nurse", "Ward nurse"));
        physician.call(() -> vitals.record(retired.id(), new org.asclepius.hms.clinical.vitals.VitalSignsEntry(
                stay.encounterId(), null, null, 72, null, null, null, null, null, null, null)));
        physician.call(() -> conditions.add(retired.id(), new org.asclepius.hms.clinical.problems.ConditionEntry(
                org.asclepius.hms.clinical.problems.ConditionCategory.PROBLEM, null, "I10", null, null, null, null,
                null)));
        physician.call(() -> allergies.record(retired.id(), new org.asclepius.hms.clinical.allergies.AllergyEntry(
                null, org.asclepius.hms.shared.CodeSystems.LOCAL_ALLERGEN, "food-peanut", null, "Hives", null, null,
                null, null)));
        var rx = physician.call(() -> orders.draft(retired.id(), new org.asclepius.hms.clinical.orders.OrderEntry(
                stay.encounterId(), org.asclepius.hms.clinical.orders.OrderKind.MEDICATION, "314076",
                org.asclepius.hms.clinical.orders.OrderPriority.ROUTINE, null, null, "1 tablet", "oral", "daily",
                null)));
        physician.call(() -> orders.sign(rx.id(), rx.version()));
        physician.call(() -> notes.startDraft(retired.id(), stay.encounterId(),
                org.asclepius.hms.clinical.notes.NoteTemplate.PROGRESS, null, java.util.Map.of("Progress", "Stable")));

        List<SingularAttribute<?, ?>> refs = associationsToPatient();
        assertThat(refs).extracting(r -> r.getDeclaringType().getJavaType().getSimpleName() + "." + r.getName())
                .contains("PatientIdentifier.patient", "Coverage.patient", "Patient.mergedInto", "Appointment.patient",
                        "AppointmentSeries.patient", "WaitlistEntry.patient", "ReminderOptOut.patient",
                        "OutboxMessage.patient", "Encounter.patient", "Admission.patient",
                        "BedStay.patient", "AdmissionRequest.patient", "AccessGrant.patient", "CareTeamMember.patient",
                        "Observation.patient", "Condition.patient", "Allergy.patient", "AllergyAssessment.patient",
                        "ClinicalOrder.patient", "Medication.patient", "ClinicalNote.patient");
        Map<String, Map<String, Long>> before = snapshot(refs, survivor.id(), retired.id());
        // the test proves something for each association only if a row of it points at the retired record:
        // a module adding an association to Patient must add such a row here
        before.forEach((ref, rows) -> assertThat(rows).as("a row of " + ref + " pointing at the retired record")
                .containsValue(retired.id()));
        List<String> identifierProvenance = identifierProvenance(survivor.id(), retired.id());
        PatientRecord survivorBefore = patients(survivor.id());
        PatientRecord retiredBefore = patients(retired.id());

        PatientMergeRecord merge = recordsOfficer.call(() -> merges.merge(survivor.id(), survivorBefore.version(),
                retired.id(), retiredBefore.version(), "same person: registered twice, confirmed by passport",
                reviewId));

        // nothing in the metamodel points at the retired record any more…
        for (SingularAttribute<?, ?> ref : refs) {
            String entity = ((EntityType<?>) ref.getDeclaringType()).getName();
            assertThat(jpa.list("select e from " + entity + " e where e." + ref.getName() + ".id = :p", retired.id()))
                    .as(entity + "." + ref.getName()).isEmpty();
        }
        // …nor any foreign key in the database, except the history that must keep naming it
        for (String fk : foreignKeysToPatient()) {
            String table = fk.substring(0, fk.indexOf('.'));
            if (List.of("patient_merge", "duplicate_review").contains(table)) {
                continue;
            }
            assertThat(Db.number(db, "select count(*) from " + table + " where " + fk.substring(fk.indexOf('.') + 1)
                    + " = ?", retired.id())).as(fk).isZero();
        }
        assertThat(Db.number(db, "select count(*) from patient_match_key where patient_id = ?", retired.id())).isZero();
        assertThat(merge.rowsMoved()).isGreaterThanOrEqualTo(5);

        // the retired record still resolves, to the survivor; its MRN finds it, a name search does not
        PatientRecord retiredAfter = patients(retired.id());
        assertThat(retiredAfter.mergedInto()).isEqualTo(new PatientRecord.Link(survivor.id(), survivor.mrn()));
        assertThat(receptionist.call(() -> patients.getByMrn(retired.mrn())).mergedInto().id()).isEqualTo(survivor.id());
        PatientRecord survivorAfter = patients(survivor.id());
        assertThat(survivorAfter.replaces()).extracting(PatientRecord.Link::id).containsExactlyInAnyOrder(retired.id(),
                older.id());
        assertThat(survivorAfter.identifiers()).extracting(IdentifierEntry::getValue)
                .containsAll(retiredBefore.identifiers().stream().map(IdentifierEntry::getValue).toList());
        assertThat(retiredAfter.identifiers()).isEmpty();
        assertThat(receptionist.call(() -> patients.search(PatientQuery.EMPTY.withName(family), 0, 20)).items())
                .extracting(s -> s.id()).containsExactly(survivor.id());
        assertThat(receptionist.call(() -> coverages.forPatient(survivor.id()))).hasSize(2);
        assertThat(Db.column(db, "select status from duplicate_review where id = ?", reviewId)).containsExactly("SAME_PERSON");
        assertThat(Db.column(db, "select detail from audit_event where action = 'MERGE' and patient_id = ?"
                + " and user_name = 'test-records'", retired.id()))
                .anySatisfy(d -> assertThat(d).contains("merged into MRN " + survivor.mrn(), "confirmed by passport"));
        assertThat(Db.number(db, "select count(*) from audit_event where action = 'MERGE' and patient_id = ?",
                survivor.id())).isPositive();
        // the retired record cannot be edited any more
        assertThatThrownBy(() -> receptionist.call(() -> patients.update(retired.id(), retiredAfter.version(),
                retiredAfter.toData()))).isInstanceOf(DomainException.class).hasMessageContaining(survivor.mrn());

        // a coverage added to the survivor after the merge stays with it on unmerge
        billingClerk.call(() -> coverages.add(survivor.id(), secondary("Fabrikam Dental")));
        long afterMergeCoverage = Db.number(db, "select max(id) from coverage where patient_id = ?", survivor.id());

        PatientMergeRecord undone = recordsOfficer.call(() -> merges.unmerge(retired.id(),
                "merged in error: different people"));
        assertThat(undone.isUndone()).isTrue();

        Map<String, Map<String, Long>> after = snapshot(refs, survivor.id(), retired.id());
        after.get("Coverage.patient").remove(String.valueOf(afterMergeCoverage));
        assertThat(after).isEqualTo(before);
        assertThat(patients(retired.id()).toData()).usingRecursiveComparison().isEqualTo(retiredBefore.toData());
        assertThat(patients(survivor.id()).toData()).usingRecursiveComparison().isEqualTo(survivorBefore.toData());
        assertThat(patients(retired.id()).mergedInto()).isNull();
        assertThat(patients(older.id()).mergedInto().id()).isEqualTo(retired.id());
        assertThat(Db.column(db, "select status from duplicate_review where id = ?", reviewId)).containsExactly("OPEN");
        assertThat(Db.number(db, "select count(*) from patient_match_key where patient_id = ?", retired.id())).isPositive();
        assertThat(identifierProvenance(survivor.id(), retired.id())).isEqualTo(identifierProvenance);
        assertThat(Db.column(db, "select detail from audit_event where action = 'UNMERGE' and patient_id = ?",
                retired.id())).anySatisfy(d -> assertThat(d).contains("different people"));
    }

    /** "id:merged_from" of the identifiers the two patients hold, in id order. */
    private List<String> identifierProvenance(long a, long b) throws Exception {
        return Db.column(db, "select cast(id as varchar(30)) || ':' || cast(coalesce(merged_from, 0) as varchar(30))"
                + " from patient_identifier where patient_id in (?, ?) order by id", a, b);
    }

    private static CoverageData secondary(String payer) {
        CoverageData d = coverage(payer);
        d.setPriority(CoveragePriority.SECONDARY);
        return d;
    }

    private PatientRecord patients(long id) throws Exception {
        return receptionist.call(() -> patients.get(id));
    }

    @Test
    void merge_isRefused_withAClearMessage_andChangesNothing() throws Exception {
        String family = TestData.uniqueFamilyName("Refuse");
        PatientRecord a = register(family, "Ben", null);
        PatientRecord b = register(family, "Benn", null);

        assertThatThrownBy(() -> receptionist.call(() -> merges.merge(a.id(), a.version(), b.id(), b.version(),
                "duplicate", null))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> privacyOfficer.call(() -> merges.merge(a.id(), a.version(), b.id(), b.version(),
                "duplicate", null))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(a.id(), a.version(), b.id(), b.version(),
                "  ", null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getFieldErrors()).containsKey("reason"));
        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(a.id(), a.version(), a.id(), a.version(),
                "duplicate", null))).isInstanceOf(InvalidInputException.class);
        // someone changed b after the reviewer loaded it
        PatientData changed = b.toData();
        changed.setPhone("+1 555 0199");
        receptionist.call(() -> patients.update(b.id(), b.version(), changed));
        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(a.id(), a.version(), b.id(), b.version(),
                "duplicate", null))).isInstanceOf(ConcurrentUpdateException.class);
        // an open admission (patient flow's guard) blocks merge and unmerge
        long bVersion = patients(b.id()).version();
        OpenAdmissionsForTests.admit(b.id());
        try {
            assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(a.id(), a.version(), b.id(), bVersion,
                    "duplicate", null))).isInstanceOf(DomainException.class)
                    .hasMessageContaining("MRN " + b.mrn()).hasMessageContaining("open admission");
        } finally {
            OpenAdmissionsForTests.discharge(b.id());
        }
        assertThat(patients(b.id()).mergedInto()).isNull();
        assertThat(Db.number(db, "select count(*) from patient_merge where retired_id in (?, ?)", a.id(), b.id())).isZero();

        recordsOfficer.call(() -> merges.merge(a.id(), a.version(), b.id(), bVersion, "duplicate", null));
        // merging into or from a retired record, or undoing what is not merged, is refused
        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(b.id(), patients(b.id()).version(), a.id(),
                patients(a.id()).version(), "again", null))).isInstanceOf(DomainException.class)
                .hasMessageContaining("already merged into MRN " + a.mrn());
        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.unmerge(a.id(), "why not")))
                .isInstanceOf(DomainException.class).hasMessageContaining("nothing to undo");
        OpenAdmissionsForTests.admit(a.id());
        try {
            assertThatThrownBy(() -> recordsOfficer.call(() -> merges.unmerge(b.id(), "error")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("open admission");
        } finally {
            OpenAdmissionsForTests.discharge(a.id());
        }
        assertThat(patients(b.id()).mergedInto().id()).isEqualTo(a.id());
    }

    @Test
    void emergencyRecord_isMergedIntoTheRealIdentity_notTheOtherWayRound() throws Exception {
        UnidentifiedPatientData unknown = new UnidentifiedPatientData();
        unknown.setSex(Sex.MALE);
        unknown.setEstimatedAge(40);
        PatientRecord emergency = receptionist.call(() -> patients.registerUnidentified(unknown));
        PatientRecord real = register(TestData.uniqueFamilyName("Known"), "Dario", null);
        billingClerk.call(() -> coverages.add(emergency.id(), coverage("Emergency Payer")));

        assertThatThrownBy(() -> recordsOfficer.call(() -> merges.merge(emergency.id(), emergency.version(), real.id(),
                real.version(), "identified by his wife", null))).isInstanceOf(DomainException.class)
                .hasMessageContaining("Keep the identified record");

        recordsOfficer.call(() -> merges.merge(real.id(), real.version(), emergency.id(), emergency.version(),
                "identified by his wife", null));
        assertThat(patients(emergency.id()).mergedInto().mrn()).isEqualTo(real.mrn());
        assertThat(receptionist.call(() -> coverages.forPatient(real.id()))).extracting(c -> c.payerName())
                .containsExactly("Emergency Payer");
    }
}
