package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.asclepius.hms.batch.BatchJobs;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.systemtest.support.TestData;
import org.asclepius.hms.systemtest.callers.AsPrivacyOfficer;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A batch job runs as the system identity and the audit records who triggered it. */
@ExtendWith(ArquillianExtension.class)
class BatchJobIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(BatchJobIT.class);
    }

    @EJB
    BatchJobs jobs;
    @EJB
    PatientService patients;
    @EJB
    AsPrivacyOfficer privacyOfficer;
    @EJB
    AsReceptionist receptionist;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @Test
    void auditChainVerification_runsAsTheSystemAndRecordsWhoTriggeredIt() throws Exception {
        long execution = privacyOfficer.call(() -> jobs.startAuditChainVerification());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        BatchStatus status;
        do {
            Thread.sleep(250);
            status = privacyOfficer.call(() -> jobs.status(execution));
        } while (status != BatchStatus.COMPLETED && status != BatchStatus.FAILED && Instant.now().isBefore(deadline));

        assertThat(status).isEqualTo(BatchStatus.COMPLETED);
        String exitStatus = privacyOfficer.call(() -> jobs.exitStatus(execution));
        assertThat(exitStatus).isEqualTo("INTACT");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select user_name, user_roles, triggered_by, channel from audit_event"
                        + " where resource_type = 'AuditVerification' and triggered_by = 'test-privacy'"
                        + " order by id desc")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("an audit event of the job run").isTrue();
                assertThat(rs.getString(1)).isEqualTo("system");
                assertThat(rs.getString(2)).contains("system");
                assertThat(rs.getString(4)).isEqualTo("batch");
            }
        }
    }

    @Test
    void duplicateFinder_putsALikelyPairOnTheWorklistOnce_evenWhenRunTwice() throws Exception {
        String family = TestData.uniqueFamilyName("Scan");
        PatientData first = TestData.patient(family, "Margaret", java.time.LocalDate.of(1950, 9, 10));
        PatientData second = TestData.patient(family, "Peggy", java.time.LocalDate.of(1950, 10, 9));
        second.setIdentifiers(new java.util.ArrayList<>());
        long a = receptionist.call(() -> patients.register(first)).id();
        long b = receptionist.call(() -> patients.register(second)).id();

        for (int run = 0; run < 2; run++) {
            long execution = privacyOfficer.call(() -> jobs.startDuplicateFinder());
            assertThat(awaitEnd(execution)).isEqualTo(BatchStatus.COMPLETED);
            assertThat(Db.number(db, "select count(*) from duplicate_review where patient_a = ? and patient_b = ?",
                    Math.min(a, b), Math.max(a, b))).as("run %d", run + 1).isEqualTo(1);
        }
    }

    private BatchStatus awaitEnd(long execution) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        BatchStatus status;
        do {
            Thread.sleep(250);
            status = privacyOfficer.call(() -> jobs.status(execution));
        } while (status != BatchStatus.COMPLETED && status != BatchStatus.FAILED && Instant.now().isBefore(deadline));
        return status;
    }

    @Test
    void aCompletedExecutionIsNotRestarted() throws Exception {
        long execution = privacyOfficer.call(() -> jobs.startAuditChainVerification());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (privacyOfficer.call(() -> jobs.status(execution)) != BatchStatus.COMPLETED && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThatThrownBy(() -> privacyOfficer.call(() -> jobs.restart(execution)))
                .isInstanceOf(org.asclepius.hms.shared.DomainException.class)
                .hasMessageContaining("already completed");
    }

    @Test
    void aReceptionistCannotStartIt() {
        assertThatThrownBy(() -> receptionist.call(() -> jobs.startAuditChainVerification()))
                .isInstanceOf(EJBAccessException.class);
    }
}
