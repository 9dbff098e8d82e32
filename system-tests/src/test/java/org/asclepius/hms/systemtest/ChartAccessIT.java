package org.asclepius.hms.systemtest;

import static org.asclepius.hms.systemtest.support.Refusals.fieldError;
import static org.asclepius.hms.systemtest.support.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.asclepius.hms.clinical.access.AccessBasis;
import org.asclepius.hms.clinical.access.AccessGrant;
import org.asclepius.hms.clinical.access.AccessGrantRecord;
import org.asclepius.hms.clinical.access.BreakGlassService;
import org.asclepius.hms.clinical.access.CareTeamRecord;
import org.asclepius.hms.clinical.access.CareTeamService;
import org.asclepius.hms.clinical.access.StaffUnit;
import org.asclepius.hms.clinical.access.StaffUnitRecord;
import org.asclepius.hms.clinical.chart.ChartService;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.patient.PatientRestriction;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsBillingClerk;
import org.asclepius.hms.systemtest.callers.AsNurse;
import org.asclepius.hms.systemtest.callers.AsOtherNurse;
import org.asclepius.hms.systemtest.callers.AsOtherPhysician;
import org.asclepius.hms.systemtest.callers.AsPharmacist;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsPrivacyOfficer;
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
 * Access to the chart by care relationship: the attending, the care team and staff of the treating department or
 * ward read it; others must break the glass (reason, time limit, audit, privacy officer's review); restricted
 * records need break-the-glass from everyone but the attending; front desk and billing never read clinical data;
 * refusals are audited as DENIED with the patient.
 */
@ExtendWith(ArquillianExtension.class)
class ChartAccessIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(ChartAccessIT.class, TestClock.class);
    }

    @EJB
    ChartService chart;
    @EJB
    NoteService notes;
    @EJB
    CareTeamService careTeam;
    @EJB
    BreakGlassService breakGlass;
    @EJB
    VisitService visits;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist desk;
    @EJB
    AsBillingClerk billing;
    @EJB
    AsPhysician physician;
    @EJB
    AsOtherPhysician otherPhysician;
    @EJB
    AsNurse nurse;
    @EJB
    AsOtherNurse otherNurse;
    @EJB
    AsPharmacist pharmacist;
    @EJB
    AsPrivacyOfficer privacy;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    /** A patient in consultation with test-physician (the attending) in the department. */
    private long patientSeenIn(String department) throws Exception {
        long patient = desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Chart"),
                "Ines", LocalDate.of(1975, 3, 9)))).id();
        VisitRecord visit = desk.call(() -> visits.walkIn(patient, department, "Chest pain"));
        physician.call(() -> visits.startConsultation(visit.id(), visit.version()));
        return patient;
    }

    private long events(long patient, String user, String action, String resource, String outcome)
            throws Exception {
        return Db.number(db, "select count(*) from audit_event where patient_id = ? and user_name = ? and action = ?"
                + " and resource_type = ? and outcome = ?", patient, user, action, resource, outcome);
    }

    @Test
    void attending_readsTheChart_andTheReadIsAuditedOncePerPatient() throws Exception {
        long patient = patientSeenIn("Cardiology " + TestData.uniqueFamilyName("D"));

        var summary = physician.call(() -> chart.open(patient));

        assertThat(summary.access()).isEqualTo(AccessBasis.ATTENDING);
        assertThat(summary.encounters()).isEqualTo(1);
        assertThat(summary.timeline()).hasSize(1);
        assertThat(events(patient, "test-physician", "READ", "Chart", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void clinicianOutsideTheCareRelationship_isRefused_andTheRefusalIsAudited() throws Exception {
        long patient = patientSeenIn("Cardiology " + TestData.uniqueFamilyName("D"));

        Throwable refused = refusal(() -> otherPhysician.call(() -> chart.open(patient)));

        assertThat(refused).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("not treating this patient").hasMessageContaining("break the glass");
        assertThat(((AccessRefusedException) refused).isBreakGlassPossible()).isTrue();
        assertThat(events(patient, "test-physician-2", "READ", "Chart", "DENIED")).isEqualTo(1);
        assertThat(events(patient, "test-physician-2", "READ", "Chart", "SUCCESS")).isZero();
        // the notes are no easier to reach than the chart
        assertThat(refusal(() -> otherPhysician.call(() -> notes.list(patient, null, 0, 10))))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void staffOfTheTreatingDepartmentOrWard_andTheCareTeam_readTheChart() throws Exception {
        String department = "Cardiology " + TestData.uniqueFamilyName("D");
        long patient = patientSeenIn(department);
        assertThat(refusal(() -> nurse.call(() -> chart.open(patient)))).isInstanceOf(AccessRefusedException.class);

        StaffUnitRecord unit = admin.call(() -> careTeam.assignUnit("test-nurse", StaffUnit.Kind.DEPARTMENT,
                department));
        try {
            assertThat(nurse.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.UNIT);
            // assigning twice is refused with a message, not a constraint violation
            assertThat(refusal(() -> admin.call(() -> careTeam.assignUnit("test-nurse", StaffUnit.Kind.DEPARTMENT,
                    department)))).isInstanceOf(DomainException.class).hasMessageContaining("already assigned");
        } finally {
            admin.run(() -> careTeam.removeUnit(unit.id()));
        }

        // the attending adds a colleague to the care team; the colleague reads, and loses access when removed
        CareTeamRecord member = physician.call(() -> careTeam.addMember(patient, "test-physician-2", "Consultant"));
        assertThat(otherPhysician.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.CARE_TEAM);
        assertThat(refusal(() -> physician.call(() -> careTeam.addMember(patient, "test-physician-2", "Again"))))
                .hasMessageContaining("already on this patient's care team");
        physician.call(() -> careTeam.endMember(member.id(), member.version()));
        assertThat(refusal(() -> otherPhysician.call(() -> chart.open(patient))))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void breakTheGlass_needsAReason_lastsItsTime_andWaitsForReview() throws Exception {
        long patient = patientSeenIn("Cardiology " + TestData.uniqueFamilyName("D"));

        Throwable noReason = refusal(() -> otherPhysician.call(() -> breakGlass.breakGlass(patient, " ", 60)));
        assertThat(fieldError(noReason, "reason")).contains("reason");
        assertThat(fieldError(refusal(() -> otherPhysician.call(() -> breakGlass.breakGlass(patient, "urgent", 60))),
                "reason")).contains("at least");
        assertThat(fieldError(refusal(() -> otherPhysician.call(() -> breakGlass.breakGlass(patient,
                "Covering the ward tonight, patient deteriorating", 24 * 60))), "minutes")).contains("12 hours");
        // the attending does not need it
        assertThat(refusal(() -> physician.call(() -> breakGlass.breakGlass(patient,
                "Checking something on my own patient", 60)))).hasMessageContaining("not needed");

        AccessGrantRecord grant = otherPhysician.call(() -> breakGlass.breakGlass(patient,
                "Covering the ward tonight, patient deteriorating", 60));

        assertThat(otherPhysician.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.BREAK_THE_GLASS);
        assertThat(Db.text(db, "select detail from audit_event where patient_id = ? and action = 'ACCESS'"
                + " and resource_type = 'BreakTheGlass'", patient)).contains("patient deteriorating");

        // an hour later the glass is whole again
        TestClock.advance(Duration.ofMinutes(61));
        assertThat(refusal(() -> otherPhysician.call(() -> chart.open(patient))))
                .isInstanceOf(AccessRefusedException.class);

        // the privacy officer reviews it: "not appropriate" needs a note
        var pending = privacy.call(() -> breakGlass.reviews(true, 0, 200));
        AccessGrantRecord item = pending.items().stream().filter(g -> g.id() == grant.id()).findFirst().orElseThrow();
        assertThat(item.reason()).contains("deteriorating");
        assertThat(item.userName()).isEqualTo("test-physician-2");
        assertThat(fieldError(refusal(() -> privacy.call(() -> breakGlass.review(grant.id(), item.version(),
                AccessGrant.Review.INAPPROPRIATE, " "))), "note")).isNotBlank();
        privacy.call(() -> breakGlass.review(grant.id(), item.version(), AccessGrant.Review.APPROPRIATE, null));
        assertThat(privacy.call(() -> breakGlass.reviews(true, 0, 200)).items())
                .noneMatch(g -> g.id() == grant.id());
        // only the privacy officer sees the review list
        assertThat(refusal(() -> physician.call(() -> breakGlass.reviews(true, 0, 10))))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void restrictedRecord_needsBreakTheGlass_evenForTheCareTeam_butNotForTheAttending() throws Exception {
        String department = "Cardiology " + TestData.uniqueFamilyName("D");
        long patient = patientSeenIn(department);
        physician.call(() -> careTeam.addMember(patient, "test-physician-2", "Consultant"));
        assertThat(otherPhysician.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.CARE_TEAM);

        privacy.call(() -> careTeam.restrict(patient, PatientRestriction.VIP));

        Throwable refused = refusal(() -> otherPhysician.call(() -> chart.open(patient)));
        assertThat(refused).isInstanceOf(AccessRefusedException.class).hasMessageContaining("restricted");
        assertThat(physician.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.ATTENDING);
        otherPhysician.call(() -> breakGlass.breakGlass(patient, "Consultant review requested by attending", 30));
        var summary = otherPhysician.call(() -> chart.open(patient));
        assertThat(summary.access()).isEqualTo(AccessBasis.BREAK_THE_GLASS);
        assertThat(summary.restriction()).isEqualTo(PatientRestriction.VIP);
        // a clinician may not restrict or lift a restriction
        assertThat(refusal(() -> physician.call(() -> careTeam.restrict(patient, null))))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void frontDeskAndBilling_neverReadClinicalData_pharmacistOnlyByBreakTheGlass() throws Exception {
        long patient = patientSeenIn("Cardiology " + TestData.uniqueFamilyName("D"));

        assertThat(refusal(() -> desk.call(() -> chart.open(patient)))).isInstanceOf(EJBAccessException.class);
        assertThat(refusal(() -> billing.call(() -> notes.list(patient, null, 0, 10))))
                .isInstanceOf(EJBAccessException.class);
        assertThat(refusal(() -> desk.call(() -> breakGlass.breakGlass(patient, "I would like to look", 60))))
                .isInstanceOf(EJBAccessException.class);

        Throwable refused = refusal(() -> pharmacist.call(() -> chart.open(patient)));
        assertThat(refused).isInstanceOf(AccessRefusedException.class).hasMessageContaining("break-the-glass");
        pharmacist.call(() -> breakGlass.breakGlass(patient, "Clarifying a prescription with the ward", 30));
        assertThat(pharmacist.call(() -> chart.open(patient)).access()).isEqualTo(AccessBasis.BREAK_THE_GLASS);
        // a nurse of another unit is refused
        assertThat(refusal(() -> otherNurse.call(() -> chart.open(patient))))
                .isInstanceOf(AccessRefusedException.class);
    }
}
