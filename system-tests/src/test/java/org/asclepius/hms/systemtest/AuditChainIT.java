package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.asclepius.hms.audit.AuditSealer;
import org.asclepius.hms.audit.AuditVerification;
import org.asclepius.hms.audit.VerificationReport;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.systemtest.callers.AsPrivacyOfficer;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.support.Db;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail's hash chain, sealed and verified in the real database; tampering is found. */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(AuditChainIT.class);
    }

    @EJB
    PatientService patients;
    @EJB
    AuditSealer sealer;
    @EJB
    AuditVerification verification;
    @EJB
    AsReceptionist receptionist;
    @EJB
    AsPrivacyOfficer privacyOfficer;
    @Resource(lookup = "java:jboss/datasources/HmsDS")
    DataSource db;

    @Test
    void alteredAndDeletedEvents_areReportedAndTheRestoredTrailVerifiesAgain() throws Exception {
        for (int i = 0; i < 3; i++) {
            receptionist.call(() -> patients.register(
                    TestData.patient(TestData.uniqueFamilyName("Chain"), "Eve", LocalDate.of(1975, 2, 2))));
        }
        privacyOfficer.call(() -> sealer.sealPending());
        VerificationReport intact = privacyOfficer.call(() -> verification.verify());
        assertThat(intact.intact()).as(String.valueOf(intact.firstProblem())).isTrue();
        assertThat(intact.eventsChecked()).isGreaterThanOrEqualTo(3);

        long victim = Db.number(db, "select max(s.event_id) from audit_seal s join audit_event e on e.id = s.event_id"
                + " where e.action = 'CREATE'");
        String originalUser = Db.column(db, "select user_name from audit_event where id = ?", victim).get(0);

        // a DBA rewrites who did it
        Db.execute(db, "update audit_event set user_name = 'mallory' where id = " + victim);
        VerificationReport altered = privacyOfficer.call(() -> verification.verify());
        assertThat(altered.intact()).isFalse();
        assertThat(altered.firstProblem().eventId()).isEqualTo(victim);
        assertThat(altered.firstProblem().message()).contains("altered");
        Db.execute(db, "update audit_event set user_name = '" + originalUser + "' where id = " + victim);

        // a DBA deletes the event
        Db.execute(db, "create table audit_event_saved as select * from audit_event where id = " + victim);
        Db.execute(db, "delete from audit_event where id = " + victim);
        VerificationReport deleted = privacyOfficer.call(() -> verification.verify());
        assertThat(deleted.intact()).isFalse();
        assertThat(deleted.firstProblem().eventId()).isEqualTo(victim);
        assertThat(deleted.firstProblem().message()).contains("deleted");
        Db.execute(db, "insert into audit_event select * from audit_event_saved");
        Db.execute(db, "drop table audit_event_saved");

        privacyOfficer.call(() -> sealer.sealPending());
        VerificationReport restored = privacyOfficer.call(() -> verification.verify());
        assertThat(restored.intact()).as(String.valueOf(restored.firstProblem())).isTrue();
    }

}
