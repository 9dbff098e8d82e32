package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * Runs work with the identity of a {@code @RunAs} subclass. Not transactional itself: each service call
 * inside is its own transaction, as for a real client.
 */
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class Caller {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }

    public void run(ThrowingRunnable work) throws Exception {
        work.run();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
