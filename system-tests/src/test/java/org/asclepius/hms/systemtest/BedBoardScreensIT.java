package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.WebElement;

/**
 * Wards and the bed board in headless Chromium. The admin sets up two wards with beds on the wards screen (and
 * is told beside the field about a duplicate code and a bad age range); the nurse admits a patient (registered
 * over FHIR) to a free bed from the board, transfers them to the other ward's bed and discharges them; both
 * beds then show "needs cleaning", and releasing one makes it free. The page carries a Server-Timing header.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BedBoardScreensIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void admin_configuresWards_nurse_admitsTransfersDischargesAndReleases() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(TestEnvironment.baseUrl() + "/hms/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.integrationToken()));
        String family = TestData.uniqueFamilyName("Bed");
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Greta");
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1948-02-03"));
        String id = client.create().resource(patient).execute().getId().getIdPart();
        String mrn = client.read().resource(Patient.class).withId(id).execute().getIdentifier().stream()
                .filter(i -> "urn:asclepius:id:mrn".equals(i.getSystem())).findFirst().orElseThrow().getValue();

        String tag = TestData.uniqueFamilyName("").toUpperCase(Locale.ROOT).substring(0, 6);
        String first = "A-" + tag;
        String second = "B-" + tag;

        // ---- the admin: two wards with beds ----
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("admin"), "/hms/");
            browser.waitFor(By.id("menuWards"));
            browser.open("/hms/admin/wards.xhtml");
            addWard(browser, first, "Medical " + tag);
            addBed(browser, "R1", "A");
            addBed(browser, "R1", "B");

            // bad input: a duplicate code, an age range upside down — said beside the fields
            browser.click(By.id("newWard"));
            browser.waitUntil(d -> d.findElement(By.id("wardCode")).getAttribute("value").isEmpty());
            type(browser, "wardCode", first.toLowerCase(Locale.ROOT));
            type(browser, "wardName", "Again");
            type(browser, "wardDepartment", "Medicine");
            type(browser, "wardMinAge", "70");
            type(browser, "wardMaxAge", "18");
            browser.click(By.id("saveWard"));
            assertThat(fieldMessage(browser, "wardMaxAge", "youngest age")).contains("youngest age");
            type(browser, "wardMinAge", "");
            type(browser, "wardMaxAge", "");
            browser.click(By.id("saveWard"));
            assertThat(fieldMessage(browser, "wardCode", "another ward")).contains("another ward has this code");

            browser.click(By.id("newWard"));
            browser.waitUntil(d -> d.findElement(By.id("wardCode")).getAttribute("value").isEmpty());
            addWard(browser, second, "Surgical " + tag);
            addBed(browser, "R7", "A");
            assertThat(browser.driver().findElement(By.id("wards")).getText()).contains(first).contains(second);
        }

        // ---- the nurse, on the board ----
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("nurse"), "/hms/");
            browser.waitFor(By.id("menuBedBoard")).click();
            browser.waitFor(By.id("board"));
            assertThat(browser.driver().findElements(By.id("menuWards"))).isEmpty();
            Object timing = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('navigation')[0].serverTiming"
                            + ".filter(function (t) { return t.name === 'app'; }).map(function (t) { return t.duration; });");
            assertThat((List<?>) timing).hasSize(1);
            assertThat(((Number) ((List<?>) timing).get(0)).doubleValue()).isGreaterThan(0);

            By bedA = bed(first, "R1", "A");
            By bedB = bed(second, "R7", "A");
            assertThat(classOf(browser, bedA)).contains("hms-bed-free");

            // admit to the free bed
            browser.click(bedA);
            browser.waitFor(By.id("admitMrn")).sendKeys(mrn);
            browser.click(By.id("findPatient"));
            browser.waitUntil(d -> d.findElement(By.id("admitPatientMrn")).getText().contains(mrn));
            browser.choose("admitSource", "Emergency");
            browser.waitFor(By.id("admitReason")).sendKeys("community-acquired pneumonia");
            browser.waitFor(By.id("admitAttending")).sendKeys("Dr Grey");
            browser.click(By.id("admitButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> classOf(browser, bedA).contains("hms-bed-occupied"));
            String tile = browser.waitFor(bedA).getText();
            assertThat(tile).containsIgnoringCase(family).contains(mrn).contains("Dr Grey").contains("Female");

            // transfer to the other ward's bed
            browser.click(bedA);
            browser.waitFor(By.id("occupantMrn"));
            assertThat(browser.driver().findElement(By.id("occupantMrn")).getText()).isEqualTo(mrn);
            // the nurse may open the patient's chart from the bed
            assertThat(browser.driver().findElement(By.id("occupantChart")).getAttribute("href"))
                    .contains("/hms/clinical/chart.xhtml?patient=" + id);
            browser.choose("transferTo", second + " R7-A");
            browser.click(By.id("transferButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> classOf(browser, bedB).contains("hms-bed-occupied"));
            assertThat(browser.waitFor(bedB).getText()).contains(mrn);
            assertThat(classOf(browser, bedA)).contains("hms-bed-needs-cleaning");
            assertThat(browser.waitFor(bedA).getText()).contains("Needs cleaning");

            // leave of absence: a reason is needed; the bed stays the patient's, then back
            browser.click(bedB);
            browser.waitFor(By.id("occupantMrn"));
            type(browser, "leaveUntil_input", java.time.LocalDateTime.now(org.asclepius.hms.shared.TimeFormat
                    .hospitalZone()).plusDays(1).withSecond(0).withNano(0).toString().replace('T', ' '));
            browser.waitFor(By.id("leaveUntil_input")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.click(By.id("leaveButton"));
            assertThat(fieldMessage(browser, "leaveReason", "reason")).isNotBlank();
            type(browser, "leaveReason", "weekend at home");
            browser.click(By.id("leaveButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> d.findElement(bedB).getText().contains("on leave until"));
            assertThat(classOf(browser, bedB)).contains("hms-bed-occupied");
            browser.click(bedB);
            browser.click(By.id("returnButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> !d.findElement(bedB).getText().contains("on leave"));

            // discharge home
            browser.click(bedB);
            browser.waitFor(By.id("occupantMrn"));
            browser.choose("disposition", "Home");
            browser.click(By.id("dischargeButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> classOf(browser, bedB).contains("hms-bed-needs-cleaning"));
            assertThat(browser.waitFor(bedB).getText()).doesNotContain(mrn).contains("Needs cleaning");

            // housekeeping is done: released, the bed is free
            browser.click(bedA);
            browser.click(By.id("releaseButton"));
            browser.waitUntil(d -> !d.findElement(By.id("bedDialog")).isDisplayed());
            browser.waitUntil(d -> classOf(browser, bedA).contains("hms-bed-free"));
            // (the ward, kind and state filters are shown by BedBoardIT against the service)
        }
    }

    /** The tile of a bed: in the ward's section, the room's row, the bed's label. */
    private static By bed(String ward, String room, String label) {
        return By.xpath("//section[@id='ward-" + ward + "']//div[@class='hms-room'][span[@class='hms-room-name' and"
                + " normalize-space(.)='" + room + "']]//button[span[@class='hms-bed-label' and normalize-space(.)='"
                + label + "']]");
    }

    private static String classOf(Browser browser, By by) {
        return browser.driver().findElement(by).getAttribute("class");
    }

    private static void addWard(Browser browser, String code, String name) {
        type(browser, "wardCode", code);
        type(browser, "wardName", name);
        type(browser, "wardDepartment", "Medicine");
        browser.click(By.id("saveWard"));
        browser.waitUntil(d -> d.findElement(By.id("bedsWard")).getText().contains(code));
    }

    private static void addBed(Browser browser, String room, String label) {
        type(browser, "bedRoom", room);
        type(browser, "bedLabel", label);
        browser.click(By.id("saveBed"));
        browser.waitFor(By.xpath("//*[@id='beds_data']/tr[td[1][normalize-space(.)='" + room + "']"
                + " and td[2][normalize-space(.)='" + label + "']]"));
    }

    private static void type(Browser browser, String id, String text) {
        browser.type(id, text);
    }

    private static String fieldMessage(Browser browser, String id, String expected) {
        By message = By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'hms-field')][1]"
                + "//*[contains(@class,'ui-message-error')]");
        browser.waitUntil(d -> d.findElements(message).stream().anyMatch(m -> m.getText().contains(expected)));
        return browser.driver().findElements(message).stream().map(WebElement::getText)
                .filter(t -> t.contains(expected)).findFirst().orElseThrow();
    }
}
