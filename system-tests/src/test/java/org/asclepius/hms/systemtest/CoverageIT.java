package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.coverage.CoverageData;
import org.asclepius.hms.patient.coverage.CoveragePriority;
import org.asclepius.hms.patient.coverage.CoverageRecord;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.asclepius.hms.patient.coverage.SubscriberRelationship;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsBillingClerk;
import org.asclepius.hms.systemtest.callers.AsPhysician;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Insurance coverage: rules, roles, optimistic locking and audit, in the real server and database. */
@ExtendWith(ArquillianExtension.class)
class CoverageIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(CoverageIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    CoverageService coverages;
    @EJB
    AsReceptionist receptionist;
    @EJB
    AsBillingClerk billingClerk;
    @EJB
    AsPhysician physician;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @Test
    void coverages_followTheirRules_andOnlyFrontDeskAndBillingChangeThem() throws Exception {
        long patient = receptionist.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Cov"),
                "Ida", LocalDate.of(1970, 8, 8)))).id();

        CoverageRecord primary = receptionist.call(() -> coverages.add(patient,
                coverage("Acme Health", CoveragePriority.PRIMARY, LocalDate.of(2025, 1, 1), null)));
        assertThat(primary.memberId()).isEqualTo("MBR-1001");

        // a second primary in an overlapping period is refused, a secondary is fine
        InvalidInputException overlap = catchThrowableOfType(InvalidInputException.class, () -> billingClerk.call(
                () -> coverages.add(patient, coverage("Other Care", CoveragePriority.PRIMARY, LocalDate.of(2026, 1, 1), null))));
        assertThat(overlap.getFieldErrors().get("priority")).contains("Acme Health");
        billingClerk.call(() -> coverages.add(patient,
                coverage("Other Care", CoveragePriority.SECONDARY, LocalDate.of(2026, 1, 1), null)));

        // end the first primary, then a new primary after it is accepted
        CoverageData ended = primary.toData();
        ended.setEffectiveTo(LocalDate.of(2025, 12, 31));
        receptionist.call(() -> coverages.update(primary.id(), primary.version(), ended));
        receptionist.call(() -> coverages.add(patient,
                coverage("New Payer", CoveragePriority.PRIMARY, LocalDate.of(2026, 1, 1), null)));

        // a stale version does not overwrite
        CoverageData stale = primary.toData();
        stale.setPlanName("Gold");
        assertThatThrownBy(() -> receptionist.call(() -> coverages.update(primary.id(), primary.version(), stale)))
                .isInstanceOf(ConcurrentUpdateException.class);

        // bad input: end before start, a subscriber missing when the patient is not the subscriber
        CoverageData bad = coverage("Acme Health", CoveragePriority.TERTIARY, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1));
        bad.setRelationship(SubscriberRelationship.SPOUSE);
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> receptionist.call(() -> coverages.add(patient, bad)));
        assertThat(refused.getFieldErrors()).containsOnlyKeys("effectiveTo", "subscriberName");

        List<CoverageRecord> all = physician.call(() -> coverages.forPatient(patient));
        assertThat(all).extracting(CoverageRecord::payerName).containsExactly("New Payer", "Acme Health", "Other Care");
        assertThatThrownBy(() -> physician.call(() -> coverages.add(patient,
                coverage("X", CoveragePriority.TERTIARY, LocalDate.of(2026, 1, 1), null))))
                .isInstanceOf(EJBAccessException.class);

        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'Coverage' and action = 'CREATE'"
                + " and outcome = 'SUCCESS' and patient_id = ?", patient)).isEqualTo(3);
        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'Coverage' and action = 'CREATE'"
                + " and outcome = 'FAILED' and patient_id = ?", patient)).as("the two refused additions").isEqualTo(2);
        assertThat(Db.number(db, "select count(*) from audit_event where resource_type = 'Coverage' and action = 'READ'"
                + " and patient_id = ? and user_name = 'test-physician'", patient)).isEqualTo(3);
    }

    private static CoverageData coverage(String payer, CoveragePriority priority, LocalDate from, LocalDate to) {
        CoverageData d = new CoverageData();
        d.setPayerName(payer);
        d.setPlanName("Standard");
        d.setMemberId("mbr-1001");
        d.setPriority(priority);
        d.setRelationship(SubscriberRelationship.SELF);
        d.setEffectiveFrom(from);
        d.setEffectiveTo(to);
        return d;
    }

}
