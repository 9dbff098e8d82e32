package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outpatient screens in headless Chromium: a receptionist checks a walk-in patient in and opens the
 * department's queue board; a nurse triages the patient from her own board — an implausible pulse is refused beside
 * the field, then the observations give NEWS2 5 (medium, orange) — and the receptionist's board, never reloaded,
 * shows the new stage and score within the poll interval. The receptionist then cancels the visit (a reason is
 * required) and it leaves both boards.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TriageScreensIT {
    /** The board polls every 5 s; the change must show within one interval plus the time of a request. */
    private static final Duration POLL_AND_MARGIN = Duration.ofSeconds(9);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void receptionistChecksIn_nurseTriages_andAnotherBoardSeesItWithoutReloading() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(TestEnvironment.baseUrl() + "/hms/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.integrationToken()));
        String family = TestData.uniqueFamilyName("Tri");
        Patient registered = new Patient();
        registered.addName().setFamily(family).addGiven("Rosa");
        registered.setGender(AdministrativeGender.FEMALE);
        registered.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1979-04-12"));
        String id = client.create().resource(registered).execute().getId().getIdPart();
        String mrn = client.read().resource(Patient.class).withId(id).execute().getIdentifier().stream()
                .filter(i -> "urn:asclepius:id:mrn".equals(i.getSystem())).findFirst().orElseThrow().getValue();
        String name = family + ", Rosa";
        String department = "Triage " + TestData.uniqueFamilyName("D");
        String query = "?department=" + URLEncoder.encode(department, StandardCharsets.UTF_8);

        try (Browser desk = new Browser(); Browser nurse = new Browser()) {
            // ---- the receptionist: a walk-in, then the board of the department ----
            desk.signIn(DemoUser.named("receptionist"), "/hms/");
            desk.open("/hms/outpatient/check-in.xhtml" + query);
            desk.waitFor(By.id("walkInMrn")).sendKeys(mrn);
            desk.waitFor(By.id("walkInReason")).sendKeys("sore throat and fever");
            desk.click(By.id("walkInButton"));
            desk.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                    .anyMatch(m -> m.getText().contains("Walk-in checked in") && m.getText().contains(mrn)));
            desk.open("/hms/outpatient/queue-board.xhtml" + query);
            desk.waitUntil(d -> row(d, mrn).getText().contains("Arrived"));
            assertThat(row(desk.driver(), mrn).getText()).contains(name).contains("sore throat and fever");
            // a receptionist has no triage button
            assertThat(desk.driver().findElements(By.cssSelector("button[aria-label='Triage " + name + "']"))).isEmpty();
            ((JavascriptExecutor) desk.driver()).executeScript("window.hmsNotReloaded = true;");

            // ---- the nurse triages on her board ----
            nurse.signIn(DemoUser.named("nurse"), "/hms/");
            nurse.open("/hms/outpatient/queue-board.xhtml" + query);
            nurse.click(By.cssSelector("button[aria-label='Triage " + name + "']"));
            nurse.waitFor(By.id("triRr")).sendKeys("22");
            nurse.waitFor(By.id("triSpo2")).sendKeys("95");
            nurse.click(By.xpath("//*[@id='triOxygen']//label[normalize-space()='Air']"));
            nurse.waitFor(By.id("triSystolic")).sendKeys("120");
            nurse.waitFor(By.id("triPulse")).sendKeys("300");
            nurse.choose("triConsciousness", "A – Alert");
            nurse.waitFor(By.id("triTemperature")).sendKeys("38.4");
            WebElement complaint = nurse.waitFor(By.id("triComplaint"));
            complaint.clear();
            complaint.sendKeys("sore throat, fever for three days");
            nurse.click(By.id("saveTriage"));
            // the implausible pulse is refused beside its field; nothing is saved
            nurse.waitUntil(d -> d.findElement(By.id("triageDialog")).getText().contains("not plausible"));
            assertThat(nurse.driver().findElement(By.id("triageDialog")).getText()).contains("300")
                    .contains("20 to 250");
            assertThat(nurse.driver().findElement(By.id("triPulse")).getAttribute("class")).contains("ui-state-error");
            WebElement pulse = nurse.waitFor(By.id("triPulse"));
            pulse.clear();
            pulse.sendKeys("95");
            nurse.waitFor(By.id("triComplaint")).click(); // leave the field: the preview follows the values
            nurse.waitUntil(d -> d.findElement(By.id("news2Preview")).getText().contains("NEWS2 5"));
            nurse.click(By.id("saveTriage"));
            nurse.waitUntil(d -> !d.findElement(By.id("triageDialog")).isDisplayed());
            nurse.waitUntil(d -> row(d, mrn).getText().contains("Triaged, waiting"));
            assertThat(news2(nurse, mrn)[0]).isEqualTo("5");

            // ---- the receptionist's board follows by itself within the poll interval ----
            new WebDriverWait(desk.driver(), POLL_AND_MARGIN)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> row(d, mrn).getText().contains("Triaged, waiting"));
            String[] deskNews2 = news2(desk, mrn);
            assertThat(deskNews2[0]).isEqualTo("5");
            assertThat(deskNews2[1]).contains("hms-risk-orange");
            assertThat(((JavascriptExecutor) desk.driver()).executeScript("return window.hmsNotReloaded === true;"))
                    .isEqualTo(true);

            // ---- the receptionist cancels the visit (begun in error): a reason is required ----
            desk.click(By.cssSelector("button[aria-label=\"Cancel " + name + "'s visit\"]"));
            desk.click(By.id("confirmCancelVisit"));
            desk.waitUntil(d -> d.findElement(By.id("cancelVisitDialog")).getText().contains("say why"));
            desk.waitFor(By.id("cancelVisitReason")).sendKeys("checked in at the wrong clinic");
            desk.click(By.id("confirmCancelVisit"));
            desk.waitUntil(d -> !d.findElement(By.id("cancelVisitDialog")).isDisplayed());
            desk.waitUntil(d -> !d.findElement(By.id("queue")).getText().contains("MRN " + mrn));
            new WebDriverWait(nurse.driver(), POLL_AND_MARGIN)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElement(By.id("queue")).getText().contains("MRN " + mrn));
        }
    }

    private static WebElement row(WebDriver d, String mrn) {
        return d.findElements(By.cssSelector("#queue tbody tr")).stream()
                .filter(r -> r.getText().contains("MRN " + mrn)).findFirst()
                .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("no row for MRN " + mrn));
    }

    /**
     * The row's NEWS2 cell: its text and its class, read together and read again when the board's poll replaced
     * the row in between (the browser's waits ignore stale elements).
     */
    private static String[] news2(Browser b, String mrn) {
        String[] cell = new String[2];
        b.waitUntil(d -> {
            WebElement e = row(d, mrn).findElement(By.cssSelector(".hms-news2"));
            cell[0] = e.getText();
            cell[1] = e.getAttribute("class");
            return true;
        });
        return cell;
    }
}
