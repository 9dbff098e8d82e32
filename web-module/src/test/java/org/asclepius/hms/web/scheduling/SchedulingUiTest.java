package org.asclepius.hms.web.scheduling;

import static org.asclepius.hms.web.scheduling.Fixtures.appointment;
import static org.asclepius.hms.web.scheduling.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WeeklyPeriod;
import org.junit.jupiter.api.Test;

class SchedulingUiTest {

    @Test
    void eachStatus_hasItsOwnStyleClass() {
        assertThat(SchedulingUi.statusClass(AppointmentStatus.BOOKED)).isEqualTo("hms-appt hms-appt-booked");
        assertThat(SchedulingUi.statusClass(AppointmentStatus.CHECKED_IN)).isEqualTo("hms-appt hms-appt-checked-in");
        assertThat(SchedulingUi.statusClass(AppointmentStatus.NO_SHOW)).isEqualTo("hms-appt hms-appt-no-show");
        assertThat(SchedulingUi.statusClass(AppointmentStatus.PROPOSED)).isEqualTo("hms-appt hms-appt-proposed");
        assertThat(SchedulingUi.blockClass(ExceptionKind.LEAVE)).isEqualTo("hms-block hms-block-leave");
    }

    @Test
    void localTimes_roundTripThroughTheHospitalZone() {
        Instant t = Instant.parse("2026-03-29T00:30:00Z");
        assertThat(SchedulingUi.instant(SchedulingUi.local(t))).isEqualTo(t);
        assertThat(SchedulingUi.instant(null)).isNull();
        assertThat(SchedulingUi.local(null)).isNull();
        LocalDate day = LocalDate.of(2026, 6, 3);
        assertThat(SchedulingUi.endOf(day)).isEqualTo(SchedulingUi.startOf(day.plusDays(1)));
    }

    @Test
    void whatAnAppointmentAllowsNow_followsItsStatusAndTime() {
        Instant now = Instant.now();
        LocalDate today = SchedulingUi.today();
        Instant laterToday = SchedulingUi.startOf(today).plus(Duration.ofHours(23));
        var future = appointment(1, AppointmentStatus.BOOKED, now.plus(Duration.ofDays(2)));
        var past = appointment(2, AppointmentStatus.BOOKED, now.minus(Duration.ofMinutes(5)));
        var cancelled = appointment(3, AppointmentStatus.CANCELLED, now.plus(Duration.ofDays(2)));
        var offered = appointment(4, AppointmentStatus.PROPOSED, now.plus(Duration.ofDays(2)));

        assertThat(SchedulingUi.movable(future, now)).isTrue();
        assertThat(SchedulingUi.movable(offered, now)).isTrue();
        assertThat(SchedulingUi.movable(past, now)).isFalse();
        assertThat(SchedulingUi.movable(cancelled, now)).isFalse();

        assertThat(SchedulingUi.canCheckIn(future, today)).isFalse();
        assertThat(SchedulingUi.canCheckIn(appointment(5, AppointmentStatus.BOOKED, laterToday), today)).isTrue();
        assertThat(SchedulingUi.canCheckIn(appointment(6, AppointmentStatus.CHECKED_IN, laterToday), today)).isFalse();

        assertThat(SchedulingUi.canMarkNoShow(past, now)).isTrue();
        assertThat(SchedulingUi.canMarkNoShow(future, now)).isFalse();
        assertThat(SchedulingUi.canCancel(future)).isTrue();
        assertThat(SchedulingUi.canCancel(cancelled)).isFalse();
        assertThat(SchedulingUi.canCancel(offered)).isFalse();
    }

    @Test
    void resourceOptions_areGroupedByDepartment_sorted() {
        List<ResourceRecord> all = List.of(
                resource(1, ResourceKind.ROOM, "Room 2", "Radiology", true),
                resource(2, ResourceKind.PROVIDER, "Dr Zhou", "Cardiology", true),
                resource(3, ResourceKind.PROVIDER, "Dr Abe", "Cardiology", false),
                resource(4, ResourceKind.EQUIPMENT, "Scanner", "Radiology", true));

        List<SelectItem> items = SchedulingUi.byDepartment(all, r -> true);

        assertThat(items).extracting(SelectItem::getLabel).containsExactly("Cardiology", "Radiology");
        SelectItem[] cardiology = ((SelectItemGroup) items.get(0)).getSelectItems();
        assertThat(cardiology).extracting(SelectItem::getLabel)
                .containsExactly("Dr Abe (provider, not in use)", "Dr Zhou (provider)");
        assertThat(cardiology).extracting(SelectItem::getValue).containsExactly(3L, 2L);
        assertThat(SchedulingUi.byDepartment(all, ResourceRecord::active)).hasSize(2);
        assertThat(SchedulingUi.departments(all)).containsExactly("Cardiology", "Radiology");
    }

    @Test
    void theResourcesOfferingAService_areActiveAndOfTheKind() {
        List<ResourceRecord> all = List.of(
                resource(1, ResourceKind.PROVIDER, "Dr A", "X", true),
                resource(2, ResourceKind.PROVIDER, "Dr B", "X", false),
                resource(3, ResourceKind.ROOM, "Room", "X", true),
                resource(4, ResourceKind.PROVIDER, "Dr C", "X", true));
        ServiceTypeRecord mri = Fixtures.service("MRI", EnumSet.of(ResourceKind.PROVIDER, ResourceKind.ROOM),
                List.of(1L, 2L, 3L));

        assertThat(SchedulingUi.offering(all, mri, ResourceKind.PROVIDER)).extracting(ResourceRecord::id)
                .containsExactly(1L);
        assertThat(SchedulingUi.offering(all, mri, ResourceKind.ROOM)).extracting(ResourceRecord::id)
                .containsExactly(3L);
        assertThat(SchedulingUi.offering(all, null, ResourceKind.ROOM)).isEmpty();
    }

    @Test
    void workingHours_readAsAWeek() {
        List<WeeklyPeriod> hours = List.of(
                new WeeklyPeriod(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)),
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
        assertThat(SchedulingUi.hoursText(hours)).isEqualTo("Mon 08:00–12:00, 13:00–17:00; Tue 08:00–12:00");
        assertThat(SchedulingUi.hoursText(List.of())).isEqualTo("No working hours");
        assertThat(SchedulingUi.kindsText(EnumSet.of(ResourceKind.ROOM, ResourceKind.PROVIDER)))
                .isEqualTo("Provider, room");
    }

    @Test
    void theDayShown_coversTheWorkingHoursInWholeHours() {
        ResourceRecord early = new ResourceRecord(1, 1, ResourceKind.PROVIDER, "Early", "X", null, 15, true, List.of(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(6, 30), LocalTime.of(14, 0)),
                new WeeklyPeriod(DayOfWeek.TUESDAY, LocalTime.of(12, 0), LocalTime.of(20, 15))));
        assertThat(SchedulingUi.dayRange(List.of(early), DayOfWeek.MONDAY))
                .containsExactly(LocalTime.of(6, 0), LocalTime.of(19, 0));
        assertThat(SchedulingUi.dayRange(List.of(early), DayOfWeek.TUESDAY))
                .containsExactly(LocalTime.of(7, 0), LocalTime.of(21, 0));
        assertThat(SchedulingUi.dayRange(List.of(early), null))
                .containsExactly(LocalTime.of(6, 0), LocalTime.of(21, 0));
        assertThat(SchedulingUi.dayRange(List.of(), DayOfWeek.SUNDAY))
                .containsExactly(LocalTime.of(7, 0), LocalTime.of(19, 0));
    }
}
