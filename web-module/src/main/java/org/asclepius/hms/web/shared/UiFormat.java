package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.asclepius.hms.shared.TimeFormat;

/** Small display helpers for the pages ({@code #{uiFormat.…}}); dates and times in the hospital's zone. */
@Named
@ApplicationScoped
public class UiFormat {

    /** Today in the hospital's zone (the latest date of birth a form accepts). */
    public LocalDate getToday() {
        return LocalDate.now(TimeFormat.hospitalZone());
    }

    /** The years a date-of-birth picker offers: the last 130 up to this one. */
    public String getBirthYearRange() {
        int year = getToday().getYear();
        return (year - 130) + ":" + year;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TimeFormat.forUsers(instant);
    }

    /** "45 y", or months / days for babies, as banners print it. */
    public String age(LocalDate birthDate) {
        return age(birthDate, getToday());
    }

    static String age(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return "";
        }
        Period p = Period.between(birthDate, today);
        if (p.isNegative()) {
            return "";
        }
        if (p.getYears() >= 2) {
            return p.getYears() + " y";
        }
        if (p.toTotalMonths() >= 1) {
            return p.toTotalMonths() + " mo";
        }
        return p.getDays() + " d";
    }
}
