package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.systemtest.support.Browser;
import org.asclepius.hms.systemtest.support.DemoUser;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.TestData;
import org.asclepius.hms.systemtest.support.TestEnvironment;
import org.asclepius.hms.systemtest.support.Tokens;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The scheduling screens in headless Chromium. The admin sets up a provider (working every day) and a consultation
 * on the schedules screen; the receptionist books a patient (registered over FHIR) on the front desk, finds the
 * appointment in the day list and on the provider's calendar, moves it from its details and then by dragging it
 * on the calendar, sees the new time stored, and cancels it with a reason. The receptionist is refused the
 * schedules screen itself.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulingScreensIT {
    private static final Pattern APPOINTMENT_ID = Pattern.compile("[?&]appointment=(\\d+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void receptionist_booksOnTheFrontDesk_movesOnTheCalendar_andCancelsWithAReason() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(TestEnvironment.baseUrl() + "/hms/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.integrationToken()));
        String family = TestData.uniqueFamilyName("Book");
        String patientId = client.create().resource(patient(family, "Rosa")).execute().getId().getIdPart();
        String mrn = mrn(client.read().resource(Patient.class).withId(patientId).execute());

        String tag = TestData.uniqueFamilyName("Sch");
        String department = "Screens " + tag;
        String provider = "Dr " + tag;
        String serviceCode = "C" + tag.toUpperCase(Locale.ROOT);
        String serviceName = "Consultation " + tag;
        LocalDate day = LocalDate.now(TimeFormat.hospitalZone()).plusDays(1);

        // ---- the admin: a provider working every day 08:00–17:00, and a 15-minute consultation it offers ----
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("admin"), "/hms/");
            browser.open("/hms/admin/schedules.xhtml");
            clear(browser, "resName").sendKeys(provider);
            clear(browser, "resDepartment").sendKeys(department);
            browser.click(By.id("saveResource"));
            // saved: its working hours come next, starting with Monday 08:00–17:00; "Add period" copies it on
            browser.waitUntil(d -> d.findElement(By.id("changeText")).getText().contains(provider + " added"));
            browser.waitFor(By.id("hourStart0"));
            for (int i = 1; i < 7; i++) {
                browser.click(By.id("addHour"));
                browser.waitFor(By.id("hourStart" + i));
            }
            browser.click(By.id("saveHours"));
            browser.waitUntil(d -> d.findElement(By.id("changeText")).getText().contains("Working hours of " + provider));
            assertThat(browser.driver().findElement(By.id("resources")).getText())
                    .contains(provider).contains("Mon 08:00–17:00").contains("Sun 08:00–17:00");

            clear(browser, "svcCode").sendKeys(serviceCode);
            clear(browser, "svcName").sendKeys(serviceName);
            // duration 15 minutes and "needs a provider" are the defaults; offered by the new provider
            browser.click(By.id("svcResources"));
            WebElement filter = browser.waitFor(By.cssSelector("#svcResources_panel .ui-selectcheckboxmenu-filter-container input"));
            filter.sendKeys(tag);
            browser.waitFor(By.xpath("//*[@id='svcResources_panel']//li[contains(normalize-space(.), '" + provider
                    + "')]//*[contains(@class,'ui-chkbox-box')]")).click();
            List<WebElement> closePanel = browser.driver().findElements(
                    By.cssSelector("#svcResources_panel .ui-selectcheckboxmenu-close"));
            if (!closePanel.isEmpty() && closePanel.get(0).isDisplayed()) {
                closePanel.get(0).click();
            } else {
                filter.sendKeys(Keys.ESCAPE);
            }
            browser.waitUntil(d -> !d.findElement(By.id("svcResources_panel")).isDisplayed());
            browser.click(By.id("saveService"));
            browser.waitUntil(d -> d.findElement(By.id("services")).getText().contains(serviceName));
        }

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("receptionist"), "/hms/");
            browser.waitFor(By.id("menuFrontDesk"));
            assertThat(browser.driver().findElements(By.id("menuSchedules"))).isEmpty();

            // ---- book on the front desk: patient by MRN, service, (its only provider), day, a free time ----
            browser.open("/hms/scheduling/front-desk.xhtml");
            browser.waitFor(By.id("bookButton")).click();
            browser.waitFor(By.id("bookMrn")).sendKeys(mrn);
            browser.click(By.id("findPatient"));
            browser.waitUntil(d -> d.findElement(By.id("bookPatientMrn")).getText().contains(mrn));
            assertThat(browser.driver().findElement(By.id("bookPatientName")).getText()).containsIgnoringCase(family);

            browser.choose("bookService", serviceName + " (15 min)");
            browser.waitUntil(d -> d.findElement(By.id("bookProvider_label")).getText().contains(provider));
            WebElement dayInput = browser.waitFor(By.id("bookDate_input"));
            dayInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), day.toString());
            assertThat(dayInput.getAttribute("value")).isEqualTo(day.toString());
            dayInput.sendKeys(Keys.TAB);
            browser.click(By.id("findTimes"));
            browser.click(timeOption("bookStart", "09:00"));
            browser.click(By.id("bookSubmit"));

            // booked: the dialog closes and the list shows that day with the appointment
            browser.waitUntil(d -> !d.findElement(By.id("bookingDialog")).isDisplayed());
            browser.waitUntil(d -> d.findElement(By.id("dayList")).getText().contains(mrn));
            assertThat(row(browser, mrn).getText()).contains("09:00").contains(serviceName).contains(provider)
                    .contains("Booked");

            // ---- the provider's calendar, opened from the row at the appointment (its details open at once) ----
            row(browser, mrn).findElement(By.cssSelector("a.hms-calendar-link")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("calendar.xhtml"));
            Matcher id = APPOINTMENT_ID.matcher(browser.driver().getCurrentUrl());
            assertThat(id.find()).as(browser.driver().getCurrentUrl()).isTrue();
            By event = By.cssSelector(".fc-event.hms-appt-" + id.group(1));
            assertThat(browser.waitFor(By.id("eventWhen")).getText()).contains("09:00");
            assertThat(browser.driver().findElement(By.id("eventStatus")).getText()).isEqualTo("Booked");

            // move from the details: the free times of its day, 10:00
            browser.click(By.id("findMoveTimes"));
            browser.click(timeOption("moveStart", "10:00"));
            browser.click(By.id("moveButton"));
            browser.waitUntil(d -> d.findElement(By.id("eventWhen")).getText().contains("10:00"));
            assertThat(browser.driver().findElement(By.id("eventHistory")).getText()).contains("receptionist");
            browser.click(By.id("closeEvent"));
            browser.waitUntil(d -> !d.findElement(By.id("eventDialog")).isDisplayed());
            browser.waitUntil(d -> eventTime(d, event).startsWith("10:00"));

            // move by dragging it on the calendar: from 10:00 to the 11:00 slot
            drag(browser, event, "11:00:00");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                    .anyMatch(m -> m.getText().contains("Moved") && m.getText().contains("11:00")));
            browser.waitUntil(d -> eventTime(d, event).startsWith("11:00"));
            // stored: its details (read again from the server) say so
            browser.waitFor(event).click();
            browser.waitUntil(d -> d.findElement(By.id("eventDialog")).isDisplayed()
                    && d.findElement(By.id("eventWhen")).getText().contains("11:00"));
            browser.click(By.id("closeEvent"));

            // ---- cancel on the front desk, with a reason ----
            browser.open("/hms/scheduling/front-desk.xhtml?date=" + day);
            browser.waitUntil(d -> d.findElement(By.id("dayList")).getText().contains(mrn));
            assertThat(row(browser, mrn).getText()).contains("11:00");
            row(browser, mrn).findElement(By.cssSelector("button[id$='cancelRow']")).click();
            browser.waitFor(By.id("cancelReason"));
            browser.click(By.id("confirmCancel"));
            assertThat(fieldMessage(browser, "cancelReason", "say why")).contains("say why");
            browser.driver().findElement(By.id("cancelReason")).sendKeys("patient called: travelling that week");
            browser.click(By.id("confirmCancel"));
            browser.waitUntil(d -> !d.findElement(By.id("cancelDialog")).isDisplayed());
            browser.waitUntil(d -> row(d, mrn).getText().contains("Cancelled"));
            assertThat(row(browser, mrn).getText()).contains("travelling that week");
            assertThat(row(browser, mrn).findElements(By.cssSelector("button[id$='cancelRow']"))).isEmpty();

            // the outgoing messages are the receptionist's; the schedules screen is not (container-enforced)
            browser.open("/hms/scheduling/messages.xhtml");
            browser.waitFor(By.id("messages"));
            browser.open("/hms/admin/schedules.xhtml");
            assertThat(browser.waitFor(By.id("errorTitle")).getText()).containsIgnoringCase("access");
            assertThat(browser.driver().findElements(By.id("saveResource"))).isEmpty();
        }
        assertThat(TestEnvironment.serverLog()).as("no patient data in the server log").doesNotContain(family);
    }

    /**
     * Drags the event (grabbed just below its top edge) onto a slot of the day view, with real pointer input.
     * FullCalendar starts a drag only after the pointer moved a few pixels, so the move is made in two steps.
     */
    private static void drag(Browser browser, By event, String slotTime) {
        WebDriver driver = browser.driver();
        WebElement from = browser.waitFor(event);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", from);
        WebElement to = driver.findElement(By.cssSelector(".fc-timegrid-slot-lane[data-time='" + slotTime + "']"));
        int grab = -from.getRect().getHeight() / 2 + 3;
        int distance = to.getRect().getY() - from.getRect().getY();
        new Actions(driver)
                .moveToElement(from, 0, grab)
                .clickAndHold()
                .moveByOffset(0, 8)
                .moveByOffset(0, distance - 8)
                .pause(Duration.ofMillis(200))
                .release()
                .perform();
    }

    /** The time FullCalendar shows on the event ("10:00 - 10:15"), or "" while it is not there. */
    private static String eventTime(WebDriver driver, By event) {
        return driver.findElements(event).stream().findFirst()
                .map(e -> e.findElements(By.cssSelector(".fc-event-time")).stream().findFirst()
                        .map(WebElement::getText).orElse(""))
                .orElse("");
    }

    /** A time of a p:selectOneRadio of free times, by its label. */
    private static By timeOption(String radioId, String time) {
        return By.xpath("//*[@id='" + radioId + "']//label[normalize-space()='" + time + "']");
    }

    private static WebElement row(Browser browser, String mrn) {
        return row(browser.driver(), mrn);
    }

    private static WebElement row(WebDriver driver, String mrn) {
        return driver.findElement(By.xpath("//*[@id='dayList']//tr[contains(., '" + mrn + "')]"));
    }

    private static WebElement clear(Browser browser, String id) {
        WebElement e = browser.waitFor(By.id(id));
        e.clear();
        return e;
    }

    /** Waits for the error message beside a field (PrimeFaces p:message) to contain the text, and returns it. */
    private static String fieldMessage(Browser browser, String id, String expected) {
        By message = By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'hms-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        browser.waitUntil(d -> d.findElements(message).stream().anyMatch(m -> m.getText().contains(expected)));
        return browser.driver().findElement(message).getText();
    }

    private static Patient patient(String family, String given) {
        Patient p = new Patient();
        p.addName().setFamily(family).addGiven(given);
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1979-04-12"));
        return p;
    }

    private static String mrn(Patient p) {
        return p.getIdentifier().stream().filter(i -> "urn:asclepius:id:mrn".equals(i.getSystem())).findFirst()
                .orElseThrow().getValue();
    }
}
