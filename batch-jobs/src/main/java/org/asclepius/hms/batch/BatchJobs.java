package org.asclepius.hms.batch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Properties;
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

    @Resource
    SessionContext session;

    /** Starts a verification of the audit trail now; returns the job execution id. */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public long startAuditChainVerification() {
        return start(AUDIT_CHAIN_VERIFICATION, session.getCallerPrincipal().getName());
    }

    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public BatchStatus status(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
    }

    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public String exitStatus(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getExitStatus();
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
