package org.asclepius.hms.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WeeklyPeriod;
import org.junit.jupiter.api.Test;

class SchedulesViewTest {

    private static SchedulesView view() {
        SchedulesView view = new SchedulesView();
        view.schedules = new ScheduleService() {
            @Override
            public List<ResourceRecord> resources() {
                return List.of(
                        new ResourceRecord(1, 4, ResourceKind.PROVIDER, "Dr One", "Radiology", "one", 15, true,
                                List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)))),
                        new ResourceRecord(2, 1, ResourceKind.ROOM, "MRI room", "Radiology", null, 30, true, List.of()));
            }

            @Override
            public List<ServiceTypeRecord> services() {
                return List.of();
            }
        };
        view.init();
        return view;
    }

    @Test
    void addPeriod_copiesTheLastPeriodToTheNextDay_soAWorkingWeekTakesFourClicks() {
        SchedulesView view = view();
        view.editResource(view.getResources().get(0));
        assertThat(view.getHours()).hasSize(1);
        view.getHours().get(0).setStart(LocalTime.of(7, 30));
        view.getHours().get(0).setEnd(LocalTime.of(15, 0));
        for (int i = 0; i < 4; i++) {
            view.addPeriod();
        }
        assertThat(view.periods()).extracting(WeeklyPeriod::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(view.periods()).allSatisfy(p -> {
            assertThat(p.start()).isEqualTo(LocalTime.of(7, 30));
            assertThat(p.end()).isEqualTo(LocalTime.of(15, 0));
        });
        view.addPeriod();
        view.addPeriod();
        view.addPeriod();
        assertThat(view.getHours().get(7).getDay()).as("after Sunday comes Monday").isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void aResourceWithoutHours_startsWithOneDefaultPeriod_andPeriodsStopAtTheLimit() {
        SchedulesView view = view();
        view.editResource(view.getResources().get(1));
        assertThat(view.periods()).containsExactly(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)));
        for (int i = 0; i < 40; i++) {
            view.addPeriod();
        }
        assertThat(view.getHours()).hasSize(SchedulesView.MAX_PERIODS);
        assertThat(view.isCanAddPeriod()).isFalse();
        view.removePeriod(99); // out of range: nothing happens
        view.removePeriod(0);
        assertThat(view.getHours()).hasSize(SchedulesView.MAX_PERIODS - 1);
    }

    @Test
    void blankPeriods_areDroppedBeforeSaving_soErrorRowsMatchTheForm() {
        SchedulesView view = view();
        view.editResource(view.getResources().get(0));
        view.addPeriod();
        view.addPeriod();
        view.getHours().get(1).setStart(null);
        view.getHours().get(1).setEnd(null);
        view.dropBlankRows();
        assertThat(view.periods()).extracting(WeeklyPeriod::day).containsExactly(DayOfWeek.MONDAY,
                DayOfWeek.WEDNESDAY);
    }

    @Test
    void aServiceOffersResourcesOfTheKindsItNeeds_only() {
        SchedulesView view = view();
        view.getService().getResourceIds().addAll(List.of(1L, 2L));
        view.setServiceKinds(List.of("ROOM"));
        view.kindsChanged();
        assertThat(view.getService().getResourceIds()).containsExactly(2L);
        assertThat(view.getServiceResourceOptions()).hasSize(1);
    }

    @Test
    void anEditInProgress_survivesSerialization() throws Exception {
        SchedulesView view = view();
        view.editResource(view.getResources().get(0));
        view.addPeriod();
        view.getResource().setName("Dr One-Two");
        view.schedules = null; // in the container a serializable EJB proxy; the stub is not

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(view);
        }
        SchedulesView copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (SchedulesView) in.readObject();
        }
        assertThat(copy.getResource().getName()).isEqualTo("Dr One-Two");
        assertThat(copy.getHours()).hasSize(2);
        assertThat(copy.isEditingResource()).isTrue();
    }
}
