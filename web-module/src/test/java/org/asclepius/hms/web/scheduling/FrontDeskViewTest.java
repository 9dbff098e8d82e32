package org.asclepius.hms.web.scheduling;

import static org.asclepius.hms.web.scheduling.Fixtures.appointment;
import static org.asclepius.hms.web.scheduling.Fixtures.resource;
import static org.asclepius.hms.web.scheduling.Fixtures.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.web.shared.CurrentUser;
import org.junit.jupiter.api.Test;

class FrontDeskViewTest {
    private final List<LocalDate> daysAsked = new ArrayList<>();

    private FrontDeskView view(boolean frontDesk) {
        FrontDeskView view = new FrontDeskView();
        view.schedules = new ScheduleService() {
            @Override
            public List<ResourceRecord> resources() {
                return List.of(
                        Fixtures.resource(1, ResourceKind.PROVIDER, "Dr One", "Radiology", true),
                        Fixtures.resource(2, ResourceKind.PROVIDER, "Dr Two", "Cardiology", true),
                        Fixtures.resource(3, ResourceKind.PROVIDER, "Dr Three", "Cardiology", true),
                        Fixtures.resource(4, ResourceKind.ROOM, "MRI room", "Radiology", true),
                        Fixtures.resource(5, ResourceKind.ROOM, "Old room", "Radiology", false));
            }

            @Override
            public List<ServiceTypeRecord> services() {
                return List.of(
                        Fixtures.service("MRI", EnumSet.of(ResourceKind.PROVIDER, ResourceKind.ROOM),
                                List.of(1L, 4L, 5L)),
                        Fixtures.service("CONS", EnumSet.of(ResourceKind.PROVIDER), List.of(2L, 3L)));
            }
        };
        view.appointments = new AppointmentService() {
            @Override
            public List<AppointmentRecord> dayList(LocalDate day, String department) {
                daysAsked.add(day);
                return List.of(appointment(1, AppointmentStatus.BOOKED, Instant.now().plus(Duration.ofHours(1))),
                        appointment(2, AppointmentStatus.BOOKED, Instant.now().plus(Duration.ofHours(2))),
                        appointment(3, AppointmentStatus.CHECKED_IN, Instant.now()));
            }

            @Override
            public List<AppointmentRecord> needingRebooking() {
                return List.of(appointment(9, AppointmentStatus.BOOKED, Instant.now().plus(Duration.ofDays(3))));
            }
        };
        view.user = new CurrentUser() {
            @Override
            public boolean isCanRunFrontDesk() {
                return frontDesk;
            }

            @Override
            public boolean isCanSchedule() {
                return true;
            }
        };
        return view;
    }

    @Test
    void theDayList_opensOnToday_andMovesDayByDay() {
        FrontDeskView view = view(true);
        view.load();
        LocalDate today = SchedulingUi.today();
        assertThat(view.getDate()).isEqualTo(today);
        assertThat(view.getDay()).hasSize(3);
        assertThat(view.getDaySummary()).isEqualTo("2 booked, 1 checked in");
        assertThat(view.getRebooking()).hasSize(1);

        view.nextDay();
        view.nextDay();
        view.previousDay();
        assertThat(view.getDate()).isEqualTo(today.plusDays(1));
        assertThat(daysAsked).containsExactly(today, today.plusDays(1), today.plusDays(2), today.plusDays(1));
    }

    @Test
    void withoutTheFrontDeskRole_theRebookingListIsNotAskedFor() {
        FrontDeskView view = view(false);
        view.load();
        assertThat(view.getRebooking()).isEmpty();
    }

    @Test
    void choosingAService_choosesTheOnlyResourceOfAKind_andShowsOnlyTheKindsItNeeds() {
        FrontDeskView view = view(true);
        view.load();
        view.startBooking();

        view.setBookService("MRI");
        view.serviceChanged();
        assertThat(view.needs("PROVIDER")).isTrue();
        assertThat(view.needs("ROOM")).isTrue();
        assertThat(view.needs("EQUIPMENT")).isFalse();
        assertThat(view.getBookProvider()).isEqualTo(1L);
        assertThat(view.getBookRoom()).as("the inactive room is not offered").isEqualTo(4L);
        assertThat(view.chosenResources()).containsExactlyInAnyOrder(1L, 4L);

        view.setBookService("CONS");
        view.serviceChanged();
        assertThat(view.needs("ROOM")).isFalse();
        assertThat(view.options("PROVIDER")).extracting(ResourceRecord::name).containsExactly("Dr Three", "Dr Two");
        assertThat(view.getBookProvider()).as("two offer it: the clerk chooses").isNull();
        assertThat(view.getBookRoom()).isNull();
        assertThat(view.chosenResources()).isEmpty();
        view.setBookProvider(3L);
        assertThat(view.chosenResources()).containsExactly(3L);
    }

    @Test
    void aNewBooking_startsOnTheDayShown_butNeverInThePast() {
        FrontDeskView view = view(true);
        view.load();
        view.setDate(SchedulingUi.today().plusDays(5));
        view.startBooking();
        assertThat(view.getBookDate()).isEqualTo(SchedulingUi.today().plusDays(5));
        view.setDate(SchedulingUi.today().minusDays(5));
        view.startBooking();
        assertThat(view.getBookDate()).isEqualTo(SchedulingUi.today());
        assertThat(view.getBookTimes()).isNull();
        assertThat(view.getOverride().getField()).isNull();
    }

    @Test
    void aHalfDoneBooking_survivesSerialization() throws Exception {
        FrontDeskView view = view(true);
        view.load();
        view.startBooking();
        view.setBookService("MRI");
        view.serviceChanged();
        view.setBookNote("interpreter");
        // in the container these are serializable proxies (EJBs, a request-scoped bean); the stubs are not
        view.user = null;
        view.schedules = null;
        view.appointments = null;

        FrontDeskView copy = roundTrip(view);

        assertThat(copy.getBookService()).isEqualTo("MRI");
        assertThat(copy.getBookRoom()).isEqualTo(4L);
        assertThat(copy.getBookNote()).isEqualTo("interpreter");
        assertThat(copy.getDay()).hasSize(3);
    }
}
