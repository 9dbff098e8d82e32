package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.WebElement;

/**
 * The chart in headless Chromium. A receptionist checks a patient (registered over FHIR) in as a walk-in; the
 * physician calls them in from the queue board — becoming the attending — and opens the chart from the queue. On the
 * Vitals tab a pulse of 300 is refused beside the pulse field; a good set is recorded, shows in the summary's latest
 * vital signs and draws the pulse trend chart. The physician writes a SOAP note, saves the draft, signs it (after the
 * confirmation), is refused with the service's message when editing it, and adds an addendum; places a lab order
 * found by typing, signs it and reads its status history; adds a home medication. A second physician,
 * who is not treating the patient, is refused, is told beside the field that break-the-glass needs a reason, gives
 * one and sees the chart under the red break-the-glass strip. The privacy officer finds that access waiting for
 * review and marks it appropriate. The admin assigns a nurse to a department on the staff units screen and removes
 * the assignment again.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChartScreensIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void attendingRecordsVitalsAndSignsANote_anotherPhysicianBreaksTheGlass_privacyOfficerReviews() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(TestEnvironment.baseUrl() + "/hms/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.integrationToken()));
        String family = TestData.uniqueFamilyName("Chart");
        Patient registered = new Patient();
        registered.addName().setFamily(family).addGiven("Omar");
        registered.setGender(AdministrativeGender.MALE);
        registered.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-09-30"));
        String id = client.create().resource(registered).execute().getId().getIdPart();
        String mrn = client.read().resource(Patient.class).withId(id).execute().getIdentifier().stream()
                .filter(i -> "urn:asclepius:id:mrn".equals(i.getSystem())).findFirst().orElseThrow().getValue();
        String department = "Chart " + TestData.uniqueFamilyName("D");
        String query = "?department=" + URLEncoder.encode(department, StandardCharsets.UTF_8);
        String reason = "Patient collapsed in the corridor; the treating team cannot be reached";

        // ---- the receptionist: a walk-in ----
        try (Browser desk = new Browser()) {
            desk.signIn(DemoUser.named("receptionist"), "/hms/");
            desk.open("/hms/outpatient/check-in.xhtml" + query);
            desk.waitFor(By.id("walkInMrn")).sendKeys(mrn);
            desk.waitFor(By.id("walkInReason")).sendKeys("shortness of breath");
            desk.click(By.id("walkInButton"));
            desk.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                    .anyMatch(m -> m.getText().contains("Walk-in checked in") && m.getText().contains(mrn)));
            // no chart for the front desk: the queue board offers no link
            desk.open("/hms/outpatient/queue-board.xhtml" + query);
            desk.waitFor(queueRow(mrn));
            assertThat(desk.driver().findElements(inRow(mrn, "//a[contains(@id,'chartLink')]"))).isEmpty();
        }

        // ---- the physician calls the patient in (the attending) and opens the chart from the queue ----
        try (Browser doctor = new Browser()) {
            doctor.signIn(DemoUser.named("physician"), "/hms/");
            doctor.open("/hms/outpatient/queue-board.xhtml" + query);
            doctor.click(inRow(mrn, "//button[contains(@id,'callInRow')]"));
            doctor.waitUntil(d -> d.findElement(queueRow(mrn)).getText().contains("In consultation"));
            doctor.click(inRow(mrn, "//a[contains(@id,'chartLink')]"));
            doctor.waitUntil(d -> d.getCurrentUrl().contains("/clinical/chart.xhtml"));
            assertThat(doctor.waitFor(By.id("bannerMrn")).getText()).isEqualTo(mrn);
            assertThat(doctor.waitFor(By.id("accessBasis")).getText()).contains("Attending");
            assertThat(doctor.driver().findElements(By.id("breakGlassStrip"))).isEmpty();
            assertThat(doctor.waitFor(By.id("chartTabs:timeline")).getText()).contains(department).contains("physician");

            // vitals: an implausible pulse is refused beside its field, nothing is kept
            tab(doctor, "vitalsTab");
            doctor.type("chartTabs:vitTemperature", "37.4");
            doctor.type("chartTabs:vitPulse", "300");
            doctor.click(By.id("chartTabs:vitRecord"));
            assertThat(fieldMessage(doctor, "chartTabs:vitPulse", "between")).contains("20 and 250");
            assertThat(doctor.driver().findElement(By.id("chartTabs:vitPulse")).getAttribute("class"))
                    .contains("ui-state-error");
            assertThat(doctor.driver().findElements(By.cssSelector("#trendPULSE canvas"))).isEmpty();
            // a good set
            doctor.type("chartTabs:vitPulse", "88");
            doctor.type("chartTabs:vitSystolic", "128");
            doctor.type("chartTabs:vitDiastolic", "82");
            doctor.type("chartTabs:vitSpo2", "97");
            doctor.click(By.id("chartTabs:vitRecord"));
            doctor.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                    .anyMatch(m -> m.getText().contains("Vital signs recorded")));
            WebElement canvas = doctor.waitFor(By.cssSelector("#trendPULSE canvas"));
            assertThat(canvas.getSize().getWidth()).isGreaterThan(50);
            assertThat(canvas.getSize().getHeight()).isGreaterThan(50);
            doctor.waitFor(By.cssSelector("#trendBLOOD_PRESSURE canvas"));
            assertThat(doctor.waitFor(By.id("chartTabs:vitalHistory")).getText()).contains("88 /min")
                    .contains("128/82 mmHg").contains("37.4 °C");
            // the summary shows the latest values with the time taken
            tab(doctor, "summaryTab");
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:latestVitals")).getText().contains("88 /min"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:latestVitals")).getText())
                    .contains("128/82 mmHg").contains("97 %");

            // a SOAP note: draft, sign (confirmed), cannot be edited, addendum
            tab(doctor, "notesTab");
            doctor.click(By.id("chartTabs:newNote"));
            section(doctor, "Subjective", "Breathless on exertion for two weeks.");
            section(doctor, "Objective", "Pulse 88, BP 128/82, SpO2 97 % on air. Fine basal crackles.");
            section(doctor, "Assessment", "Suspected heart failure.");
            section(doctor, "Plan", "Echocardiogram, BNP, review in one week.");
            doctor.click(By.id("chartTabs:noteSave"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:noteDetailStatus")).getText().equals("Draft"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:notesList")).getText()).contains("SOAP note");
            doctor.click(By.id("chartTabs:noteSign"));
            doctor.click(By.id("confirmYes"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:noteDetailStatus")).getText().equals("Signed"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:noteText")).getText())
                    .contains("Suspected heart failure.");
            // editing the signed note is refused with the service's message
            doctor.click(By.id("chartTabs:noteEdit"));
            section(doctor, "Assessment", "Heart failure with reduced ejection fraction.");
            doctor.click(By.id("chartTabs:noteSave"));
            By refusal = By.id("chartTabs:noteEditorProblem");
            doctor.waitUntil(d -> d.findElement(refusal).getText().contains("cannot be edited"));
            assertThat(doctor.driver().findElement(refusal).getText())
                    .contains("signed by physician").contains("addendum");
            doctor.click(By.id("chartTabs:noteEditorClose"));
            doctor.click(By.id("chartTabs:noteAddendumStart"));
            doctor.type("chartTabs:addendumText", "BNP 1450 pg/mL: echocardiogram brought forward.");
            doctor.click(By.id("chartTabs:addendumSave"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:noteAddenda")).getText().contains("BNP 1450"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:noteText")).getText())
                    .contains("Suspected heart failure.").doesNotContain("reduced ejection fraction");
            assertThat(doctor.driver().findElement(By.id("chartTabs:noteVersions")).getText())
                    .contains("Version 1").contains("Version 2").contains("Addendum");

            // a lab order found by typing, signed after the confirmation, with its status history
            tab(doctor, "ordersTab");
            doctor.click(By.id("chartTabs:newOrder"));
            doctor.waitFor(By.id("chartTabs:orderCode_input")).sendKeys("cbc");
            doctor.click(By.xpath("//*[@id='chartTabs:orderCode_panel']//li[contains(., '58410-2')]"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:orderCode_input")).getAttribute("value")
                    .endsWith("[58410-2]"));
            doctor.click(By.id("chartTabs:orderPlace"));
            By orderRow = By.xpath("//*[@id='chartTabs:ordersList']//tbody/tr[contains(., 'CBC panel')]");
            doctor.waitUntil(d -> d.findElement(orderRow).getText().contains("Draft"));
            doctor.click(By.xpath("//*[@id='chartTabs:ordersList']//tbody/tr[contains(., 'CBC panel')]"
                    + "//button[contains(@id,'orderSign')]"));
            doctor.click(By.id("confirmYes"));
            doctor.waitUntil(d -> d.findElement(orderRow).getText().contains("Signed"));
            doctor.click(By.cssSelector("#chartTabs\\:ordersList .ui-row-toggler"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:ordersList")).getText().contains("Status history"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:ordersList")).getText())
                    .contains("Draft").contains("Signed");

            // a medication the patient takes at home
            tab(doctor, "medicationsTab");
            doctor.click(By.id("chartTabs:medReportStart"));
            doctor.type("chartTabs:medName", "Atorvastatin 20 MG Oral Tablet");
            doctor.type("chartTabs:medFrequency", "once daily");
            doctor.click(By.id("chartTabs:medReport"));
            doctor.waitUntil(d -> d.findElement(By.id("chartTabs:medList")).getText()
                    .contains("Atorvastatin 20 MG Oral Tablet — once daily"));
            assertThat(doctor.driver().findElement(By.id("chartTabs:medList")).getText()).contains("Reported");
        }

        // ---- a physician who is not treating the patient: refused, breaks the glass ----
        try (Browser other = new Browser()) {
            other.signIn(DemoUser.named("physician2"), "/hms/");
            other.open("/hms/clinical/chart.xhtml?patient=" + id);
            assertThat(other.waitFor(By.id("refusalText")).getText()).contains("not treating this patient");
            assertThat(other.driver().findElements(By.id("chartTabs"))).isEmpty();
            assertThat(other.waitFor(By.id("bannerMrn")).getText()).isEqualTo(mrn);
            other.click(By.id("bgButton"));
            assertThat(fieldMessage(other, "bgReason", "reason")).contains("give the reason");
            other.type("bgReason", reason);
            other.choose("bgMinutes", "30 min");
            other.click(By.id("bgButton"));
            WebElement strip = other.waitFor(By.id("breakGlassStrip"));
            assertThat(strip.getText()).startsWith("Break-the-glass access until ")
                    .endsWith("— reviewed by the privacy officer");
            assertThat(strip.getCssValue("background-color")).isEqualTo("rgba(183, 28, 28, 1)");
            assertThat(other.waitFor(By.id("accessBasis")).getText()).contains("Break-the-glass");
            other.waitUntil(d -> d.findElement(By.id("chartTabs:latestVitals")).getText().contains("88 /min"));
            // the strip stays when the chart is opened again
            other.open("/hms/clinical/chart.xhtml?patient=" + id);
            assertThat(other.waitFor(By.id("breakGlassStrip")).getText()).contains("reviewed by the privacy officer");
        }

        // ---- the privacy officer reviews the access ----
        try (Browser privacy = new Browser()) {
            privacy.signIn(DemoUser.named("privacy"), "/hms/");
            privacy.click(By.id("menuBreakGlassReviews"));
            By pending = By.xpath("//div[@id='pendingReviews']//tbody/tr[contains(., '" + mrn + "')]");
            WebElement row = privacy.waitFor(pending);
            assertThat(row.getText()).contains("physician2").contains(reason).containsIgnoringCase(family);
            privacy.click(By.cssSelector("button[aria-label=\"physician2's access to MRN " + mrn
                    + " was appropriate\"]"));
            privacy.waitFor(By.id("reviewWho"));
            privacy.type("reviewNote", "Emergency confirmed with the ward sister.");
            privacy.click(By.id("confirmReview"));
            privacy.waitUntil(d -> !d.findElement(By.id("reviewDialog")).isDisplayed());
            privacy.waitUntil(d -> d.findElements(pending).isEmpty());
            WebElement done = privacy.waitFor(By.xpath("//div[@id='doneReviews']//tbody/tr[contains(., '" + mrn
                    + "')]"));
            assertThat(done.getText()).contains("physician2").contains("Appropriate").contains("privacy")
                    .contains("ward sister");
        }
        assertThat(TestEnvironment.serverLog()).as("no patient data in the server log").doesNotContain(family);
    }

    @Test
    void admin_assignsAUserToADepartment_listsAndRemovesIt() throws Exception {
        String department = "Units " + TestData.uniqueFamilyName("D");
        try (Browser admin = new Browser()) {
            admin.signIn(DemoUser.named("admin"), "/hms/");
            admin.click(By.id("menuStaffUnits"));
            admin.click(By.id("assignUnit"));
            assertThat(fieldMessage(admin, "unitUser", "user name")).contains("enter the user name");
            admin.type("unitUser", "nurse");
            admin.type("unitName_input", department);
            admin.waitFor(By.id("unitName_input")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            admin.click(By.id("assignUnit"));
            By row = By.xpath("//*[@id='units']//tbody/tr[contains(., '" + department + "')]");
            assertThat(admin.waitFor(row).getText()).contains("nurse").contains("Department");
            admin.click(By.xpath("//*[@id='units']//tbody/tr[contains(., '" + department + "')]"
                    + "//button[contains(@id,'removeUnit')]"));
            admin.click(By.cssSelector(".ui-confirmdialog-yes"));
            admin.waitUntil(d -> d.findElements(row).isEmpty());
        }
    }

    private static By queueRow(String mrn) {
        return By.xpath("//div[@id='queue']//tbody/tr[contains(., 'MRN " + mrn + "')]");
    }

    private static By inRow(String mrn, String inside) {
        return By.xpath("//div[@id='queue']//tbody/tr[contains(., 'MRN " + mrn + "')]" + inside);
    }

    /** Chooses a tab of the chart and waits until its content is loaded. */
    private static void tab(Browser browser, String tabId) {
        browser.click(By.cssSelector("#chartTabs a[href='#chartTabs:" + tabId + "']"));
        browser.waitUntil(d -> {
            WebElement panel = d.findElement(By.id("chartTabs:" + tabId));
            return panel.isDisplayed() && !panel.findElements(By.tagName("form")).isEmpty();
        });
    }

    /** Types into a section of the note editor (a text area per section of the template). */
    private static void section(Browser browser, String section, String text) {
        browser.waitUntil(d -> {
            WebElement area = d.findElement(By.cssSelector("textarea[data-section='" + section + "']"));
            area.clear();
            area.sendKeys(text);
            return true;
        });
    }

    private static String fieldMessage(Browser browser, String id, String expected) {
        By message = By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'hms-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        browser.waitUntil(d -> d.findElements(message).stream().anyMatch(m -> m.getText().contains(expected)));
        return browser.driver().findElements(message).stream().map(WebElement::getText)
                .filter(t -> t.contains(expected)).findFirst().orElseThrow();
    }
}
