package org.asclepius.hms.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has memory to work with; a node that fails this should be restarted. */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {
    private static final double MAX_HEAP_USE = 0.98;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double share = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("application")
                .withData("heapUsedMiB", used / (1024 * 1024))
                .withData("heapMaxMiB", rt.maxMemory() / (1024 * 1024))
                .status(share < MAX_HEAP_USE)
                .build();
    }
}
