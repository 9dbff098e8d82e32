package org.asclepius.hms.inpatient.census;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * The nightly census: after a day has ended in the hospital's zone, every ward's census of that day is written,
 * and any of the {@link #CATCH_UP_DAYS} days before it that is missing (a node was down at midnight) is derived
 * from the stays. Running it again writes nothing; two nodes running it at once write each row once.
 */
@Stateless
public class CensusService {
    /** How far back the nightly run fills gaps on its own (older gaps are filled when a report reads them). */
    public static final int CATCH_UP_DAYS = 7;

    @Inject
    CensusLedger ledger;
    @Inject
    Clock clock;

    /** Writes the census of yesterday (hospital time) and of missing days before it; returns the rows written. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    public int recordNightly() {
        ZoneId zone = TimeFormat.hospitalZone();
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        return ledger.ensure(yesterday.minusDays(CATCH_UP_DAYS), yesterday, ledger.wards(), yesterday,
                clock.instant(), zone);
    }
}
