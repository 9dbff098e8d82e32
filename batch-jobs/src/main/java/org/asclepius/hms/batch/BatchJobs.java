package org.asclepius.hms.batch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Properties;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Starts the batch jobs (from this module, which holds their job XML) — on demand for staff with the right
 * role, and on schedule (persistent timers: once per cluster).
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class BatchJobs {
    public static final String AUDIT_CHAIN_VERIFICATION = "audit-chain-verification";
    /** JBeret's restart parameter (org.jberet.spi.PropertyKey.RESTART_MODE). */
    static final String RESTART_MODE = "jberet.restart.mode";

    @Resource
    SessionContext session;

    public static final String DUPLICATE_PATIENT_FINDER = "duplicate-patient-finder";

    /** Starts a scan of the whole patient index for duplicates; returns the job execution id. */
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    public long startDuplicateFinder() {
        return start(DUPLICATE_PATIENT_FINDER, session.getCallerPrincipal().getName());
    }

    /** Starts a verification of the audit trail now; returns the job execution id. */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public long startAuditChainVerification() {
        return start(AUDIT_CHAIN_VERIFICATION, session.getCallerPrincipal().getName());
    }

    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN, Roles.RECORDS_OFFICER})
    public BatchStatus status(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
    }

    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public String exitStatus(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getExitStatus();
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint, on whichever node this runs. Restart mode
     * "strict": an execution that is still STARTING, STARTED or STOPPING (perhaps on another node) is refused
     * rather than guessed dead.
     */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public long restart(long executionId) {
        Properties parameters = new Properties();
        parameters.setProperty(RESTART_MODE, "strict");
        parameters.setProperty("triggeredBy", session.getCallerPrincipal().getName());
        try {
            return BatchRuntime.getJobOperator().restart(executionId, parameters);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("Job execution", executionId);
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new DomainException("Job execution " + executionId + " has already completed; start a new run.");
        } catch (JobRestartException | JobExecutionNotMostRecentException e) {
            throw new DomainException("Job execution " + executionId + " cannot be restarted now: only a failed or"
                    + " stopped run can be, and only its latest execution (is it still running on another node?).");
        }
    }

    @Schedule(hour = "2", minute = "15", persistent = true, info = "nightly audit chain verification")
    public void nightlyAuditChainVerification() {
        start(AUDIT_CHAIN_VERIFICATION, "schedule");
    }

    private long start(String job, String triggeredBy) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("triggeredBy", triggeredBy);
        return operator.start(job, parameters);
    }
}
