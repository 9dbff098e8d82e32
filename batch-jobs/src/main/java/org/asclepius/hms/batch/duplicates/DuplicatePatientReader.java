package org.asclepius.hms.batch.duplicates;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.asclepius.hms.batch.SystemTasks;

/** Reads patient ids in order, a page at a time; the checkpoint is the last id read in a committed chunk. */
@Named
@Dependent
public class DuplicatePatientReader extends AbstractItemReader {
    private static final int PAGE = 500;

    @EJB
    SystemTasks tasks;

    private long lastId;
    private final Deque<Long> buffer = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0L : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty()) {
            buffer.addAll(tasks.patientIdsAfter(lastId, PAGE));
            if (buffer.isEmpty()) {
                return null;
            }
        }
        lastId = buffer.poll();
        return lastId;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
