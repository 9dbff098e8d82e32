package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.asclepius.hms.integration.OutboxDelivery;
import org.asclepius.hms.integration.OutboxRecord;
import org.asclepius.hms.integration.OutboxService;
import org.asclepius.hms.integration.OutboxStatus;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ReminderService;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesScope;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Appointment reminders through the outbox and WildFly's mail subsystem, received by a real SMTP server
 * (GreenMail) started inside the test server on the port its mail-smtp binding points at. Time passes through the
 * injectable clock; the worker is called directly (its timer may deliver too: the outcome is the same).
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withLibraryOf(Deployments.earWithTests(ReminderIT.class, TestClock.class), GreenMail.class);
    }

    @EJB
    ScheduleService schedules;
    @EJB
    AppointmentService appointments;
    @EJB
    ReminderService reminders;
    @EJB
    OutboxService outbox;
    @EJB
    OutboxDelivery delivery;
    @EJB
    PatientService patients;
    @EJB
    AsAdmin admin;
    @EJB
    AsReceptionist desk;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("jboss.mail.server.port", 3325), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        TestClock.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private long patient(String email, String phone) throws Exception {
        PatientData d = TestData.patient(TestData.uniqueFamilyName("Remind"), "Rosa", LocalDate.of(1960, 8, 1));
        d.setEmail(email);
        d.setPhone(phone);
        return desk.call(() -> patients.register(d)).id();
    }

    private static String uniqueEmail() {
        return "rosa." + System.nanoTime() + "@example.org";
    }

    private AppointmentRecord book(long patient, Clinic c, Instant start) throws Exception {
        return desk.call(() -> appointments.book(BookingRequest.of(patient, c.consultation(), start,
                List.of(c.providerId()))));
    }

    private OutboxRecord reminderOf(AppointmentRecord a) throws Exception {
        return desk.call(() -> outbox.about("Appointment/" + a.id())).stream()
                .filter(m -> m.status() != OutboxStatus.CANCELLED).findFirst().orElseThrow();
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aReminderGoesOutByEmail_aConfiguredTimeBeforeTheAppointment() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Mail"));
        String email = uniqueEmail();
        Instant start = SchedulingFixture.at(3, 9, 0);
        AppointmentRecord a = book(patient(email, "+1 555 0199"), c, start);

        OutboxRecord reminder = reminderOf(a);
        assertThat(reminder.channel()).isEqualTo("email");
        assertThat(reminder.recipient()).isEqualTo(email);
        assertThat(reminder.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(reminder.dueAt()).isEqualTo(start.minus(Duration.ofHours(24)));
        admin.call(() -> delivery.deliverDue());
        assertThat(mailTo(email)).isEmpty(); // not due yet

        TestClock.advancePast(reminder.dueAt());
        admin.call(() -> delivery.deliverDue());

        assertThat(reminderOf(a).status()).isEqualTo(OutboxStatus.SENT);
        List<MimeMessage> received = mailTo(email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).startsWith("Your appointment on");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received.get(0)))
                .contains("Consultation").contains(c.department().replace("Dept ", ""));
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOff_thenDead_andStaffCanRetryIt() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Retry"));
        String email = uniqueEmail();
        AppointmentRecord a = book(patient(email, null), c, SchedulingFixture.at(1, 17, 0));
        smtp.stop(); // the mail server is down
        TestClock.advancePast(reminderOf(a).dueAt());

        admin.call(() -> delivery.deliverDue());
        OutboxRecord failed = reminderOf(a);
        assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).startsWith("Email could not be sent");
        // back-off: the next attempt waits a minute, then two, four…
        Duration firstWait = Duration.between(TestClock.now(), failed.nextAttemptAt());
        assertThat(firstWait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        admin.call(() -> delivery.deliverDue());
        assertThat(reminderOf(a).attempts()).isEqualTo(1); // not due again yet
        for (int attempt = 2; attempt <= 6; attempt++) {
            TestClock.advancePast(reminderOf(a).nextAttemptAt());
            admin.call(() -> delivery.deliverDue());
            assertThat(reminderOf(a).attempts()).isEqualTo(attempt);
        }
        OutboxRecord dead = reminderOf(a);
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(desk.call(() -> outbox.list(OutboxStatus.DEAD, 0, 500).items()))
                .extracting(OutboxRecord::id).contains(dead.id());

        // the mail server is back; staff retry from the dead-letter view
        startSmtp();
        desk.call(() -> outbox.retry(dead.id()));
        admin.call(() -> delivery.deliverDue());
        assertThat(reminderOf(a).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(mailTo(email)).hasSize(1);
    }

    @Test
    void withoutEmailTheReminderIsAnSms_andAnUnconfiguredGatewayIsShownToStaff() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "Sms"));
        AppointmentRecord a = book(patient(null, "+1 555 0142"), c, SchedulingFixture.at(1, 16, 0));
        OutboxRecord sms = reminderOf(a);
        assertThat(sms.channel()).isEqualTo("sms");
        assertThat(sms.recipient()).isEqualTo("+1 555 0142");
        TestClock.advancePast(sms.dueAt());
        admin.call(() -> delivery.deliverDue());
        assertThat(reminderOf(a).lastError()).contains("No SMS gateway is configured");
    }

    @Test
    void aPatientWhoOptedOut_getsNoReminders_andCancellingCancelsThePendingOne() throws Exception {
        Clinic c = admin.call(() -> SchedulingFixture.create(schedules, "OptOut"));
        long p = patient(uniqueEmail(), null);
        AppointmentRecord before = book(p, c, SchedulingFixture.at(5, 9, 0));
        assertThat(reminderOf(before).status()).isEqualTo(OutboxStatus.PENDING);

        assertThat(desk.call(() -> reminders.optOut(p)).optedOut()).isTrue();

        assertThat(desk.call(() -> outbox.about("Appointment/" + before.id()))).extracting(OutboxRecord::status)
                .containsOnly(OutboxStatus.CANCELLED);
        AppointmentRecord after = book(p, c, SchedulingFixture.at(6, 9, 0));
        assertThat(desk.call(() -> outbox.about("Appointment/" + after.id()))).isEmpty();

        desk.call(() -> reminders.optIn(p));
        AppointmentRecord again = book(p, c, SchedulingFixture.at(7, 9, 0));
        OutboxRecord pending = reminderOf(again);
        desk.call(() -> appointments.cancel(again.id(), again.version(), "no longer needed", SeriesScope.THIS));
        assertThat(desk.call(() -> outbox.about("Appointment/" + again.id()))).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxStatus.CANCELLED));
        assertThat(pending.id()).isPositive();
    }
}
