package org.asclepius.hms.batch.audit;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.asclepius.hms.audit.VerificationReport;
import org.asclepius.hms.batch.SystemTasks;
import org.asclepius.hms.shared.RequestContext;

/** Seals pending audit events and verifies the whole chain; the exit status says INTACT or what broke. */
@Named
@Dependent
public class AuditChainVerificationBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(AuditChainVerificationBatchlet.class.getName());

    @Inject
    @BatchProperty
    String triggeredBy;
    @Inject
    JobContext job;
    @Inject
    RequestContextController requestScope;
    @Inject
    RequestContext request;
    @EJB
    SystemTasks tasks;

    @Override
    public String process() {
        boolean activated = requestScope.activate();
        try {
            request.enter("batch", null, "job:audit-chain-verification");
            request.triggeredBy(triggeredBy);
            VerificationReport report = tasks.sealAndVerifyAuditChain();
            String exit = report.intact() ? "INTACT" : "BROKEN: " + (report.firstProblem() == null
                    ? report.unsealedOverdueEventIds().size() + " events left unsealed too long"
                    : report.firstProblem().message());
            LOG.info(() -> "Audit chain verification: " + report.blocksChecked() + " blocks, "
                    + report.eventsChecked() + " events, " + (report.intact() ? "intact" : "NOT intact"));
            String status = exit.length() > 250 ? exit.substring(0, 250) : exit;
            job.setExitStatus(status);
            return status;
        } finally {
            if (activated) {
                requestScope.deactivate();
            }
        }
    }
}
