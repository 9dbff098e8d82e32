package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.integration.OutboxRecord;
import org.asclepius.hms.integration.OutboxService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.WaitlistData;
import org.asclepius.hms.scheduling.WaitlistRecord;
import org.asclepius.hms.scheduling.WaitlistService;
import org.asclepius.hms.scheduling.WaitlistStatus;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsReceptionist;
import org.asclepius.hms.systemtest.clock.TestClock;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.SchedulingFixture;
import org.asclepius.hms.systemtest.support.SchedulingFixture.Clinic;
import org.asclepius.hms.systemtest.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The waitlist: a freed slot is offered to the first patient in line it suits, the patient gets a message, staff
 * see the offer; an unanswered offer lapses after its hold time (the clock is moved, nothing sleeps) and goes to
 * the next in line.
 */
@ExtendWith(ArquillianExtension.class)
class WaitlistIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTests(WaitlistIT.class, TestClock.class);
    }

    @EJB
    ScheduleService schedules;
    @EJB
    AppointmentService appointments;
    @EJB
    WaitlistService waitlist;
    @EJB
    OutboxService outbox;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist desk;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private long patient(String given) throws Exception {
        return desk.call(() -> patients.register(TestData.patient(TestData.uniqueFamilyName("Wait"), given,
                LocalDate.of(1975, 2, 3)))).id();
    }

    private WaitlistRecord entry(long id) throws Exception {
        return desk.call(() -> waitlist.get(id));
    }

    @Test
    void aFreedSlotIsOfferedInLineOrder_andALapsedOfferGoesToTheNext() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Wait"));
        Instant slot = SchedulingFixture.at(3, 15, 0);
        LocalDate day = LocalDate.ofInstant(slot, org.asclepius.hms.shared.TimeFormat.hospitalZone());
        AppointmentRecord booked = desk.call(() -> appointments.book(BookingRequest.of(patient("Holder"),
                c.consultation(), slot, List.of(c.providerId()))));
        long first = patient("First");
        long second = patient("Second");
        long elsewhere = patient("Elsewhere");
        // in line: someone whose dates do not suit, then First, then Second
        WaitlistRecord notThen = desk.call(() -> waitlist.add(WaitlistData.of(elsewhere, c.consultation(), null,
                day.plusDays(5), day.plusDays(9))));
        WaitlistRecord w1 = desk.call(() -> waitlist.add(WaitlistData.of(first, c.consultation(), c.providerId(),
                day.minusDays(1), day.plusDays(1))));
        WaitlistRecord w2 = desk.call(() -> waitlist.add(WaitlistData.of(second, c.consultation(), null, day, day)));
        assertThatThrownBy(() -> desk.call(() -> waitlist.add(WaitlistData.of(second, c.consultation(), null,
                day, day.minusDays(1))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not be before");

        desk.call(() -> appointments.cancel(booked.id(), booked.version(), "patient moved away", SeriesScope.THIS));

        WaitlistRecord offered = entry(w1.id());
        assertThat(offered.status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offered.offer().start()).isEqualTo(slot);
        assertThat(offered.offer().status()).isEqualTo(AppointmentStatus.PROPOSED);
        assertThat(offered.offer().offerExpiresAt()).isAfter(TestClock.now());
        assertThat(entry(w2.id()).status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(entry(notThen.id()).status()).isEqualTo(WaitlistStatus.WAITING);
        // staff see it on the list; the patient got a message about it
        assertThat(desk.call(() -> waitlist.list(null))).filteredOn(r -> r.id() == w1.id())
                .singleElement().satisfies(r -> assertThat(r.offer()).isNotNull());
        List<OutboxRecord> messages = desk.call(() -> outbox.about("Appointment/" + offered.offer().id()));
        assertThat(messages).extracting(OutboxRecord::topic).containsExactly("waitlist-offer");
        // the offered slot is held: nobody else can book it meanwhile
        assertThatThrownBy(() -> desk.call(() -> appointments.book(BookingRequest.of(patient("Sneaky"),
                c.consultation(), slot, List.of(c.providerId()))))).isInstanceOf(DomainException.class);

        // nobody answers: the offer lapses after its hold time, and the slot goes to Second
        assertThat(admin.call(() -> waitlist.expireOffers())).extracting(WaitlistRecord::id).doesNotContain(w1.id());
        TestClock.advance(Duration.ofHours(4).plusMinutes(1));
        assertThat(admin.call(() -> waitlist.expireOffers())).extracting(WaitlistRecord::id).contains(w1.id());
        assertThat(entry(w1.id()).status()).isEqualTo(WaitlistStatus.WAITING);
        WaitlistRecord secondOffer = entry(w2.id());
        assertThat(secondOffer.status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(appointments(first)).extracting(AppointmentRecord::status)
                .containsExactly(AppointmentStatus.CANCELLED);

        WaitlistRecord taken = desk.call(() -> waitlist.accept(w2.id(), secondOffer.version()));
        assertThat(taken.status()).isEqualTo(WaitlistStatus.BOOKED);
        assertThat(appointments(second)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
            assertThat(a.start()).isEqualTo(slot);
        });
        assertThat(desk.call(() -> appointments.history(secondOffer.offer().id())).changes())
                .extracting(ch -> ch.to()).containsExactly(AppointmentStatus.PROPOSED, AppointmentStatus.BOOKED);
    }

    @Test
    void aDeclinedOffer_goesToTheNext_andTheDeclinerKeepsWaiting() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Decline"));
        Instant slot = SchedulingFixture.at(4, 9, 0);
        LocalDate day = LocalDate.ofInstant(slot, org.asclepius.hms.shared.TimeFormat.hospitalZone());
        AppointmentRecord booked = desk.call(() -> appointments.book(BookingRequest.of(patient("Holder"),
                c.consultation(), slot, List.of(c.providerId()))));
        WaitlistRecord w1 = desk.call(() -> waitlist.add(WaitlistData.of(patient("One"), c.consultation(), null,
                day, day)));
        WaitlistRecord w2 = desk.call(() -> waitlist.add(WaitlistData.of(patient("Two"), c.consultation(), null,
                day, day)));
        // moving the booking away frees its slot too
        desk.call(() -> appointments.reschedule(booked.id(), booked.version(), SchedulingFixture.at(4, 10, 0), null,
                null, null, SeriesScope.THIS));
        WaitlistRecord offer = entry(w1.id());
        assertThat(offer.status()).isEqualTo(WaitlistStatus.OFFERED);

        desk.call(() -> waitlist.decline(w1.id(), offer.version()));

        assertThat(entry(w1.id()).status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(entry(w2.id()).status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThatThrownBy(() -> desk.call(() -> waitlist.accept(w1.id(), entry(w1.id()).version())))
                .isInstanceOf(DomainException.class).hasMessageContaining("No slot is offered");
        // an offer past its time cannot be taken any more
        TestClock.advance(Duration.ofHours(5));
        assertThatThrownBy(() -> desk.call(() -> waitlist.accept(w2.id(), entry(w2.id()).version())))
                .isInstanceOf(DomainException.class).hasMessageContaining("expired");
    }

    private List<AppointmentRecord> appointments(long patient) throws Exception {
        return desk.call(() -> appointments.forPatient(patient));
    }
}
