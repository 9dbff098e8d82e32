package org.asclepius.hms.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.asclepius.hms.audit.AuditSealer;
import org.asclepius.hms.audit.AuditVerification;
import org.asclepius.hms.audit.VerificationReport;
import org.asclepius.hms.patient.DuplicateFinder;
import java.util.List;
import org.asclepius.hms.shared.Roles;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * The work batch jobs do, run as the named system identity whoever started the job, so the audit shows
 * "system" (and, beside it, who triggered the run). Batch threads carry no caller identity, so these methods
 * are open to code inside the application only (no remote or web view); who may start a job is checked where
 * jobs are started ({@link BatchJobs}) or by the WildFly management console's own access control.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class SystemTasks {
    @EJB
    AuditSealer sealer;
    @EJB
    AuditVerification verification;
    @EJB
    DuplicateFinder duplicates;

    @PermitAll
    public VerificationReport sealAndVerifyAuditChain() {
        sealer.sealPending();
        return verification.verify();
    }

    @PermitAll
    public List<Long> patientIdsAfter(long afterId, int max) {
        return duplicates.idsAfter(afterId, max);
    }

    /** Scans the patients (in the caller's chunk transaction); returns how many worklist rows were added. */
    @PermitAll
    public int scanForDuplicates(List<Long> patientIds, long jobExecutionId) {
        int written = 0;
        for (long id : patientIds) {
            written += duplicates.scan(id, jobExecutionId);
        }
        return written;
    }
}
