package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.systemtest.support.Browser;
import org.asclepius.hms.systemtest.support.DemoUser;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.asclepius.hms.systemtest.support.TestData;
import org.asclepius.hms.systemtest.support.TestEnvironment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Staff screens in headless Chromium: sign in through Keycloak with password and TOTP, register a patient
 * (after being refused bad input), find them, open their summary; a receptionist is refused the audit trail
 * and clinical pages; the privacy officer sees who did what and verifies the chain.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffScreensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void receptionist_registersFindsAndOpensAPatient_butIsRefusedAuditAndClinicalPages() throws Exception {
        String family = TestData.uniqueFamilyName("Sel");
        String mrn;
        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("receptionist"), "/hms/");
            assertThat(browser.waitFor(By.id("userName")).getText()).contains("receptionist");
            assertThat(browser.driver().findElements(By.id("menuAuditTrail"))).isEmpty();

            // empty form: field messages, nothing saved
            browser.open("/hms/patient/register-patient.xhtml");
            browser.waitFor(By.id("saveButton")).click();
            assertThat(fieldMessage(browser, "familyName", "")).isNotBlank();
            assertThat(fieldMessage(browser, "birthDate", "")).isNotBlank();

            // a script tag in a name: refused beside the field
            fillPatient(browser, "<script>alert(1)</script>", "Ines", "1984-03-07", "NID-" + System.nanoTime() % 1_000_000_000L);
            browser.driver().findElement(By.id("saveButton")).click();
            assertThat(fieldMessage(browser, "familyName", "<")).contains("must not contain");
            assertThat(browser.driver().getCurrentUrl()).contains("register-patient");

            // corrected: registered, summary with a valid MRN and the banner
            clear(browser, "familyName").sendKeys(family);
            browser.driver().findElement(By.id("saveButton")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("patient-summary"));
            mrn = browser.waitFor(By.id("summaryMrn")).getText().trim();
            assertThat(MedicalRecordNumber.isValid(mrn)).as(mrn).isTrue();
            assertThat(browser.driver().findElement(By.id("summaryName")).getText()).containsIgnoringCase(family);
            assertThat(browser.driver().findElement(By.id("bannerMrn")).getText()).contains(mrn);
            // the front desk is not shown allergies (clinical data): the banner says who sees them
            assertThat(browser.driver().findElement(By.id("bannerAllergies")).getText())
                    .contains("shown to the care team");

            // the same person typed in again: the clerk is shown the existing record and opens it
            browser.open("/hms/patient/register-patient.xhtml");
            fillPatient(browser, family, "Ines", "1984-03-07", "NID-" + (System.nanoTime() % 1_000_000_000L + 7));
            browser.driver().findElement(By.id("saveButton")).click();
            WebElement duplicates = browser.waitFor(By.id("duplicates"));
            assertThat(duplicates.getText()).contains(mrn);
            browser.driver().findElement(By.cssSelector("#duplicates a.hms-row-link")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("patient-summary"));
            assertThat(browser.waitFor(By.id("summaryMrn")).getText()).contains(mrn);

            // insurance coverage, from the summary
            browser.driver().findElement(By.id("coverageButton")).click();
            clear(browser, "payerName").sendKeys("Acme Health");
            clear(browser, "memberId").sendKeys("MBR-77");
            browser.driver().findElement(By.id("saveCoverage")).click();
            browser.waitUntil(d -> d.findElement(By.id("coverages")).getText().contains("Acme Health"));
            assertThat(browser.driver().findElement(By.id("coverages")).getText()).contains("MBR-77").contains("Primary");

            // find by name (given first, partial family): server-side search without a page reload
            browser.open("/hms/patient/find-patient.xhtml");
            browser.waitFor(By.id("searchName")).sendKeys("ines " + family.substring(0, family.length() - 3));
            browser.driver().findElement(By.id("searchButton")).click();
            browser.waitUntil(d -> d.findElement(By.id("results")).getText().toUpperCase().contains(family.toUpperCase()));
            List<WebElement> links = browser.driver().findElements(By.cssSelector("#results a.hms-row-link"));
            assertThat(links).hasSize(1);
            links.get(0).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("patient-summary"));
            assertThat(browser.waitFor(By.id("summaryMrn")).getText()).contains(mrn);

            // refused: the audit trail and clinical pages (container-enforced, not just hidden)
            browser.open("/hms/audit/audit-trail.xhtml");
            assertThat(browser.waitFor(By.id("errorTitle")).getText()).containsIgnoringCase("access");
            assertThat(browser.driver().findElements(By.id("auditTable"))).isEmpty();
            browser.open("/hms/clinical/chart.xhtml");
            assertThat(browser.waitFor(By.id("errorTitle")).getText()).containsIgnoringCase("access");
        }

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("privacy"), "/hms/");
            browser.open("/hms/audit/audit-trail.xhtml");
            browser.waitFor(By.id("auditTable"));
            // the receptionist's events (newest first; other tests' events with a clock set ahead come first unfiltered)
            browser.type("filterUser", "receptionist");
            browser.click(By.id("filterButton"));
            browser.waitUntil(d -> d.findElement(By.id("auditTable")).getText().contains("DENIED"));
            WebElement table = browser.waitFor(By.id("auditTable"));
            assertThat(table.getText()).contains("receptionist").contains("DENIED").contains("CREATE");
            browser.driver().findElement(By.id("verifyButton")).click();
            browser.waitUntil(d -> !d.findElement(By.id("verifyResult")).getText().isBlank());
            assertThat(browser.driver().findElement(By.id("verifyResult")).getText()).startsWith("Intact");

            // the duplicate scan is started from its screen and shows its progress until it completes
            browser.open("/hms/patient/duplicate-review.xhtml");
            browser.waitFor(By.id("startScan")).click();
            browser.waitUntil(d -> d.findElements(By.id("scanState")).stream()
                    .anyMatch(e -> e.getText().contains("COMPLETED")));
            assertThat(browser.driver().findElement(By.id("pairs")).isDisplayed()).isTrue();
        }
        assertThat(TestEnvironment.serverLog()).as("no patient data in the server log").doesNotContain(family);
    }

    private static void fillPatient(Browser browser, String family, String given, String birthDate, String nationalId) {
        clear(browser, "familyName").sendKeys(family);
        clear(browser, "givenName").sendKeys(given);
        browser.choose("sex", "Female");
        clear(browser, "birthDate_input").sendKeys(birthDate, Keys.ESCAPE);
        clear(browser, "phone").sendKeys("+1 555 0123");
        clear(browser, "city").sendKeys("Springfield");
        clear(browser, "kinName").sendKeys("Omar Example");
        clear(browser, "kinRelationship").sendKeys("brother");
        browser.choose("identifierType0", "National ID");
        clear(browser, "identifierValue0").sendKeys(nationalId);
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
}
