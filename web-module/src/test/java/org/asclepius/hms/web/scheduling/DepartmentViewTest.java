package org.asclepius.hms.web.scheduling;

import static org.asclepius.hms.web.scheduling.Fixtures.appointment;
import static org.asclepius.hms.web.scheduling.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.ExceptionRecord;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ScheduleService;
import org.junit.jupiter.api.Test;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineGroup;

class DepartmentViewTest {
    private final Instant start = SchedulingUi.startOf(SchedulingUi.today().plusDays(1)).plus(Duration.ofHours(9));

    @Test
    void theDepartmentsResources_areItsRows_providersFirst() {
        List<ResourceRecord> all = List.of(
                resource(1, ResourceKind.ROOM, "Room A", "Radiology", true),
                resource(2, ResourceKind.PROVIDER, "Dr B", "Radiology", true),
                resource(3, ResourceKind.PROVIDER, "Dr C", "Cardiology", true));
        assertThat(DepartmentView.members(all, "radiology ")).extracting(ResourceRecord::name)
                .containsExactly("Dr B", "Room A");
    }

    @Test
    void anAppointment_isAnItemOnEachOfItsResourcesRows() {
        AppointmentRecord mri = new AppointmentRecord(8, 1, 70, "Okafor, Ada", "10000009", "MRI", "MRI knee", start,
                start.plus(Duration.ofMinutes(45)), AppointmentStatus.CHECKED_IN, List.of(
                new ResourceRef(2, ResourceKind.PROVIDER, "Dr B", "Radiology"),
                new ResourceRef(1, ResourceKind.ROOM, "Room A", "Radiology")), null, null, null, null, null, null, null);
        DepartmentView view = new DepartmentView();
        view.schedules = new ScheduleService() {
            @Override
            public List<ResourceRecord> resources() {
                return List.of(Fixtures.resource(1, ResourceKind.ROOM, "Room A", "Radiology", true),
                        Fixtures.resource(2, ResourceKind.PROVIDER, "Dr B", "Radiology", true),
                        Fixtures.resource(3, ResourceKind.PROVIDER, "Dr C", "Cardiology", true));
            }

            @Override
            public List<ExceptionRecord> exceptions(long resourceId, Instant from, Instant to) {
                return resourceId == 1 ? List.of(new ExceptionRecord(4, 1, ExceptionKind.BLOCKED, from,
                        from.plus(Duration.ofHours(2)), "cleaning", "admin", from)) : List.of();
            }
        };
        view.appointments = new AppointmentService() {
            @Override
            public List<AppointmentRecord> dayList(LocalDate day, String department) {
                AppointmentRecord cancelled = new AppointmentRecord(9, 2, 71, "Berg, Ola", "10000017", "CONS",
                        "Consultation", start, start.plus(Duration.ofMinutes(15)), AppointmentStatus.CANCELLED,
                        List.of(new ResourceRef(2, ResourceKind.PROVIDER, "Dr B", "Radiology")), null, "unwell",
                        null, null, null, null, null);
                // another department's resource is not a row here
                return List.of(mri, cancelled, appointment(10, AppointmentStatus.BOOKED, start));
            }
        };
        view.setDepartment("Radiology");
        view.setDate(SchedulingUi.today().plusDays(1));

        view.load();

        assertThat(view.getModel().getGroups()).extracting(TimelineGroup::getId).containsExactly("2", "1");
        List<TimelineEvent<Object>> items = view.getModel().getEvents();
        assertThat(items).extracting(TimelineEvent::getId).containsExactlyInAnyOrder("8-2", "8-1", "block-4");
        TimelineEvent<Object> onRoom = view.getModel().getEvent("8-1");
        assertThat(onRoom.getGroup()).isEqualTo("1");
        assertThat(onRoom.getStyleClass()).contains("hms-appt-checked-in");
        assertThat(onRoom.getStartDate()).isEqualTo(SchedulingUi.local(start));
        assertThat(view.getModel().getEvent("block-4").getType()).isEqualTo("background");
        assertThat(view.itemText(mri)).endsWith("Okafor, Ada · MRI knee");
        assertThat(view.getStart().toLocalTime()).isBefore(view.getEnd().toLocalTime());

        view.setShowCancelled(true);
        view.toggleCancelled();
        assertThat(view.getModel().getEvents()).extracting(TimelineEvent::getId)
                .containsExactlyInAnyOrder("8-2", "8-1", "9-2", "block-4");
    }
}
