package org.asclepius.hms.scheduling;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import org.asclepius.hms.health.SchemaStatus;
import org.asclepius.hms.shared.Roles;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Scheduling work no person starts, run as the system: lapsing waitlist offers every minute (the slot goes on to
 * the next patient), and extending every calendar's slots to the horizon each night.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class SchedulingTasks {
    @EJB
    WaitlistService waitlist;
    @EJB
    ScheduleService schedules;

    @Schedule(second = "30", minute = "*", hour = "*", persistent = false, info = "waitlist-offer-expiry")
    public void expireOffers() {
        if (SchemaStatus.migratedVersion() != null) {
            waitlist.expireOffers();
        }
    }

    @Schedule(minute = "15", hour = "0", persistent = true, info = "slot-horizon")
    public void extendHorizon() {
        if (SchemaStatus.migratedVersion() != null) {
            schedules.extendHorizon();
        }
    }
}
