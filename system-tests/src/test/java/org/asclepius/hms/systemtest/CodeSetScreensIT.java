package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asclepius.hms.systemtest.support.Browser;
import org.asclepius.hms.systemtest.support.DemoUser;
import org.asclepius.hms.systemtest.support.Deployments;
import org.asclepius.hms.systemtest.support.KeycloakServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The Code sets screen in headless Chromium: the administrator sees the loaded code sets, tries the ICD-10-CM and
 * allergen searches, uploads a CMS file with a bad line (refused beside the upload, with the line) and then the
 * shipped subset as a CMS codes file (loaded, nothing to change); a receptionist is refused the screen.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CodeSetScreensIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theAdministrator_seesSearchesAndLoadsCodeSets_aReceptionistIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("code-sets");
        Path bad = dir.resolve("icd10cm_codes_2031.txt");
        Files.writeString(bad, "I10     Essential (primary) hypertension\nE1!9    Not a code\n", StandardCharsets.US_ASCII);
        Path subset = dir.resolve("icd10cm_codes_2023.txt");
        // the shipped subset, from the sources (this test runs outside the server, without the EJB module's classes)
        Path shipped = Path.of("..", "ejb-module", "src", "main", "resources", "clinical", "icd10cm_codes_2023_subset.txt");
        Files.copy(shipped, subset);
        String codes = String.valueOf(Files.readAllLines(shipped).stream().filter(l -> !l.isBlank()).count());

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("admin"), "/hms/");
            browser.click(By.id("menuCodeSets"));
            browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/code-sets"));
            String sets = browser.waitFor(By.id("codeSets")).getText();
            assertThat(sets).contains("ICD-10-CM").contains("Allergens").contains("SNOMED CT to ICD-10-CM")
                    .contains(codes);

            // the ICD-10-CM search as a clinician types
            browser.type("codeQuery", "e119");
            browser.waitUntil(d -> d.findElement(By.id("codeResults")).getText().contains("E11.9"));
            assertThat(browser.driver().findElement(By.id("codeResults")).getText())
                    .contains("Type 2 diabetes mellitus without complications");
            browser.type("codeQuery", "essential hypert");
            browser.waitUntil(d -> d.findElement(By.id("codeResults")).getText().contains("I10"));

            // the allergen list, by category
            browser.choose("allergenCategory", "Food");
            browser.type("allergenQuery", "pean");
            browser.waitUntil(d -> d.findElement(By.id("allergenResults")).getText().contains("Peanut"));
            assertThat(browser.driver().findElement(By.id("allergenResults")).getText()).contains("food-peanut")
                    .contains("762952008");

            // a file with a bad line: refused beside the upload, with the line; nothing loaded
            browser.driver().findElement(By.id("cmsFile_input")).sendKeys(bad.toString());
            By error = By.xpath("//*[@id='cmsFile']/ancestor::div[contains(@class,'hms-field')][1]"
                    + "//*[contains(@class,'ui-message-error')]");
            browser.waitUntil(d -> d.findElements(error).stream().anyMatch(m -> m.getText().contains("Line 2")));
            assertThat(browser.driver().findElement(error).getText()).contains("icd10cm_codes_2031.txt was not loaded");
            assertThat(browser.driver().findElements(By.id("loadedAdded"))).isEmpty();

            // the shipped subset as a CMS codes file: loaded, nothing to change
            browser.driver().findElement(By.id("cmsFile_input")).sendKeys(subset.toString());
            browser.waitUntil(d -> !d.findElements(By.id("loadedCodes")).isEmpty()
                    && d.findElement(By.id("loadedCodes")).getText().equals(codes));
            assertThat(browser.driver().findElement(By.id("loadedAdded")).getText()).isEqualTo("0");
            assertThat(browser.driver().findElement(By.id("loadedDeactivated")).getText()).isEqualTo("0");
            assertThat(browser.driver().findElement(By.id("loadedVersion")).getText()).isEqualTo("2023");
            assertThat(browser.driver().findElement(By.id("loads")).getText()).contains("icd10cm_codes_2023.txt");
        }

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("receptionist"), "/hms/");
            assertThat(browser.driver().findElements(By.id("menuCodeSets"))).isEmpty();
            browser.open("/hms/admin/code-sets.xhtml");
            assertThat(browser.waitFor(By.id("errorTitle")).getText()).containsIgnoringCase("access");
            assertThat(browser.driver().findElements(By.id("cmsFile"))).isEmpty();
        }
    }
}
