package org.asclepius.hms.inpatient.census;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import org.asclepius.hms.health.SchemaStatus;
import org.asclepius.hms.shared.Roles;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * The midnight census, run as the system by a persistent timer (one node of the cluster runs it; the work is
 * idempotent, so a second run or a second node changes nothing).
 *
 * <p>It fires every hour at minute 5 rather than once at 00:05, because the hospital's zone ({@code HMS_ZONE}) is
 * configuration read at runtime while {@code @Schedule(timezone=…)} must be a constant: the first run after the
 * hospital's midnight writes the day that just ended, whatever the zone (also zones with half-hour offsets and on
 * the days the clocks change), and later runs of the day find nothing missing (one indexed query). A run missed
 * while every node was down is caught up by the next one.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class CensusTasks {
    @EJB
    CensusService census;

    @Schedule(minute = "5", hour = "*", persistent = true, info = "ward-census")
    public void recordCensus() {
        if (SchemaStatus.migratedVersion() != null) {
            census.recordNightly();
        }
    }
}
