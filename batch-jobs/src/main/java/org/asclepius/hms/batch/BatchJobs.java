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
    /** Job parameter: the cluster node that started (or restarted) the execution. */
    static final String NODE = "hms.node";

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
     * Restarts a failed or stopped execution from its last checkpoint, on whichever node this runs. A run still
     * marked running is restarted only when this node started it and it is not running in this JVM: it died
     * with the node (kill, crash) and JBeret's "detect" mode marks it failed and resumes from its checkpoint. A
     * run another node started may still be alive there, so it is refused ("strict") rather than guessed dead.
     */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN, Roles.RECORDS_OFFICER})
    public long restart(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("triggeredBy", session.getCallerPrincipal().getName());
        parameters.setProperty(NODE, node());
        try {
            boolean startedHere = node().equals(operator.getParameters(executionId).getProperty(NODE));
            parameters.setProperty(RESTART_MODE, startedHere ? "detect" : "strict");
            return operator.restart(executionId, parameters);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("Job execution", executionId);
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new DomainException("Job execution " + executionId + " has already completed; start a new run.");
        } catch (JobRestartException | JobExecutionNotMostRecentException e) {
            throw new DomainException("Job execution " + executionId + " cannot be restarted now: it is still"
                    + " running (here or on another node), or it is not the latest execution of its job.");
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
        parameters.setProperty(NODE, node());
        return operator.start(job, parameters);
    }

    private static String node() {
        return System.getProperty("jboss.node.name", "hms");
    }
}
