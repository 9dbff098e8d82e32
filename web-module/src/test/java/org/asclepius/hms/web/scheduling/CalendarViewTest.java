package org.asclepius.hms.web.scheduling;

import static org.asclepius.hms.web.scheduling.Fixtures.appointment;
import static org.asclepius.hms.web.scheduling.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.ExceptionRecord;
import org.junit.jupiter.api.Test;
import org.primefaces.model.ScheduleDisplayMode;
import org.primefaces.model.ScheduleEvent;

class CalendarViewTest {
    private final Instant now = Instant.now();

    @Test
    void anAppointment_isAnEventWithItsIdLocalTimesAndStatusColour() {
        AppointmentRecord a = appointment(42, AppointmentStatus.BOOKED, now.plus(Duration.ofDays(1)));

        ScheduleEvent<AppointmentRecord> e = CalendarView.event(a, now);

        assertThat(e.getId()).isEqualTo("42");
        assertThat(e.getTitle()).isEqualTo("Okafor, Ada · Consultation");
        assertThat(e.getStartDate()).isEqualTo(SchedulingUi.local(a.start()));
        assertThat(e.getEndDate()).isEqualTo(SchedulingUi.local(a.end()));
        assertThat(e.getStyleClass()).contains("hms-appt-booked").contains("hms-appt-42");
        assertThat(e.getData()).isEqualTo(a);
        assertThat(e.isDraggable()).isTrue();
        assertThat(e.isResizable()).isFalse();
        assertThat(e.isOverlapAllowed()).as("the service decides about overbooking").isTrue();
        assertThat(e.getDescription()).contains("Booked").contains("MRN 10000009").contains("Dr Silva");
    }

    @Test
    void whatCannotMove_isNotDraggable() {
        assertThat(CalendarView.event(appointment(1, AppointmentStatus.CANCELLED, now.plus(Duration.ofDays(1))), now)
                .isDraggable()).isFalse();
        assertThat(CalendarView.event(appointment(2, AppointmentStatus.BOOKED, now.minus(Duration.ofHours(1))), now)
                .isDraggable()).isFalse();
        assertThat(CalendarView.event(appointment(3, AppointmentStatus.CHECKED_IN, now.plus(Duration.ofHours(1))), now)
                .isDraggable()).isFalse();
    }

    @Test
    void leave_isABackgroundEventNothingCanBeDroppedOn() {
        Instant start = now.plus(Duration.ofDays(3));
        ExceptionRecord leave = new ExceptionRecord(9, 5, ExceptionKind.LEAVE, start, start.plus(Duration.ofDays(1)),
                "annual leave", "admin", now);

        ScheduleEvent<ExceptionRecord> e = CalendarView.block(leave);

        assertThat(e.getId()).isEqualTo("block-9");
        assertThat(e.getDisplay()).isEqualTo(ScheduleDisplayMode.BACKGROUND);
        assertThat(e.getTitle()).isEqualTo("Leave: annual leave");
        assertThat(e.getStyleClass()).isEqualTo("hms-block hms-block-leave");
        assertThat(e.isOverlapAllowed()).isFalse();
    }

    @Test
    void aTimeAskedForOutsideTheFreeOnes_isOfferedInOrder() {
        Instant nine = Instant.parse("2026-06-03T09:00:00Z");
        Instant ten = Instant.parse("2026-06-03T10:00:00Z");
        Instant halfPastNine = Instant.parse("2026-06-03T09:30:00Z");
        assertThat(CalendarView.withTime(List.of(nine, ten), halfPastNine)).containsExactly(nine, halfPastNine, ten);
        assertThat(CalendarView.withTime(List.of(nine, ten), ten)).containsExactly(nine, ten);
        assertThat(CalendarView.withTime(List.of(), null)).isEmpty();
    }

    @Test
    void theLazyModel_loadsTheRangeAsked_andSurvivesSerialization() throws Exception {
        AppointmentRecord a = appointment(7, AppointmentStatus.BOOKED, now.plus(Duration.ofDays(1)));
        CalendarModel model = new CalendarModel((from, to) -> List.of(CalendarView.event(a, Instant.EPOCH)));

        model.loadEvents(LocalDateTime.now(), LocalDateTime.now().plusDays(7));
        CalendarModel copy = roundTrip(model);

        assertThat(copy.getEvent("7")).isNotNull();
        assertThat(copy.getEvent("7").getData()).isEqualTo(a);
    }
}
