package org.asclepius.hms.batch.duplicates;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.asclepius.hms.batch.SystemTasks;

/** Scans each patient of the chunk against the earlier ones and writes new pairs to the worklist. */
@Named
@Dependent
public class DuplicateWorklistWriter extends AbstractItemWriter {
    @EJB
    SystemTasks tasks;
    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        tasks.scanForDuplicates(items.stream().map(Long.class::cast).toList(), job.getExecutionId());
    }
}
