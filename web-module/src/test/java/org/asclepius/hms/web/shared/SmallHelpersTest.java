package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmallHelpersTest {

    @Test
    void deniedAccess_recordsThePathOnly() {
        assertThat(DeniedAccess.pathOnly("/hms/audit/audit-trail.xhtml?patientId=4")).isEqualTo("/hms/audit/audit-trail.xhtml");
        assertThat(DeniedAccess.pathOnly("/hms/patient/x.xhtml;jsessionid=abc")).isEqualTo("/hms/patient/x.xhtml");
        assertThat(DeniedAccess.pathOnly(null)).isEqualTo("unknown");
        assertThat(DeniedAccess.pathOnly("/" + "a".repeat(300))).hasSize(DeniedAccess.MAX_RESOURCE_ID);
    }

    @Test
    void age_isShownInYearsMonthsOrDays() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        assertThat(UiFormat.age(LocalDate.of(1980, 3, 16), today)).isEqualTo("45 y");
        assertThat(UiFormat.age(LocalDate.of(1980, 3, 15), today)).isEqualTo("46 y");
        assertThat(UiFormat.age(LocalDate.of(2025, 1, 10), today)).isEqualTo("14 mo");
        assertThat(UiFormat.age(LocalDate.of(2026, 3, 1), today)).isEqualTo("14 d");
        assertThat(UiFormat.age(LocalDate.of(2027, 1, 1), today)).isEmpty();
        assertThat(UiFormat.age(null, today)).isEmpty();
    }

    @Test
    void roleLabels_readLikeWords() {
        assertThat(CurrentUser.label("billing-clerk")).isEqualTo("Billing clerk");
        assertThat(CurrentUser.label("admin")).isEqualTo("Admin");
    }

    @Test
    void zoneIds_areOnesTheBrowserKnows() {
        assertThat(UiFormat.zoneId(java.time.ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(UiFormat.zoneId(java.time.ZoneId.of("Europe/Lisbon"))).isEqualTo("Europe/Lisbon");
        assertThat(UiFormat.cssKey(java.time.DayOfWeek.MONDAY)).isEqualTo("monday");
        assertThat(UiFormat.cssKey(null)).isEmpty();
        assertThat(UiFormat.formatWhen(null)).isEmpty();
    }
}
