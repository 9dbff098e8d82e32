package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
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

/**
 * The records officer merges two records from the side-by-side screen and undoes it from the merged record's
 * page; the merged record stays readable over FHIR, linked to the survivor.
 */
@ExtendWith(KeycloakServer.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MergeScreenIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void recordsOfficer_mergesSideBySide_theRetiredRecordResolves_andTheMergeIsUndone() throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = fhir.newRestfulGenericClient(TestEnvironment.baseUrl() + "/hms/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.integrationToken()));
        String family = TestData.uniqueFamilyName("Twice");
        String keptId = client.create().resource(patient(family, "Noor")).execute().getId().getIdPart();
        String retiredId = client.create().resource(patient(family, "Nour")).execute().getId().getIdPart();
        String retiredMrn = mrn(client.read().resource(Patient.class).withId(retiredId).execute());
        String keptMrn = mrn(client.read().resource(Patient.class).withId(keptId).execute());

        try (Browser browser = new Browser()) {
            browser.signIn(DemoUser.named("records"), "/hms/");
            // from the first record's page: merge with another record, found by MRN
            browser.open("/hms/patient/patient-summary.xhtml?id=" + keptId);
            browser.waitFor(By.id("mergeButton")).click();
            browser.waitFor(By.id("otherMrn")).sendKeys(retiredMrn);
            browser.driver().findElement(By.id("compare")).click();
            browser.waitUntil(d -> d.findElement(By.id("rightMrn")).getText().contains(retiredMrn));
            assertThat(browser.driver().findElement(By.id("comparison")).getText())
                    .contains(keptMrn).contains(retiredMrn).containsIgnoringCase("Noor").containsIgnoringCase("Nour");
            // the names differ: that row is marked
            assertThat(browser.driver().findElements(By.cssSelector("#comparison tr.hms-differs"))).isNotEmpty();

            // no reason: a message beside the field, nothing merged
            browser.driver().findElement(By.id("mergeButton")).click();
            browser.waitFor(By.id("confirmYes")).click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".ui-message-error")).stream()
                    .anyMatch(e -> e.getText().contains("give the reason")));

            browser.driver().findElement(By.id("mergeReason")).sendKeys("same person, registered twice (passport seen)");
            browser.driver().findElement(By.id("mergeButton")).click();
            browser.waitFor(By.id("confirmYes")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("patient-summary") && d.getCurrentUrl().contains(keptId));
            assertThat(browser.waitFor(By.id("replacesNotice")).getText()).contains(retiredMrn);

            // the retired record resolves to the survivor and can be unmerged
            browser.driver().findElement(By.cssSelector("#replacesNotice a.hms-replaced-mrn")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("id=" + retiredId));
            assertThat(browser.waitFor(By.id("mergedNotice")).getText()).contains(keptMrn).contains("passport seen");

            Patient retired = client.read().resource(Patient.class).withId(retiredId).execute();
            assertThat(retired.getActive()).isFalse();
            assertThat(retired.getLink()).singleElement().satisfies(l -> {
                assertThat(l.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
                assertThat(l.getOther().getReference()).isEqualTo("Patient/" + keptId);
            });

            browser.driver().findElement(By.id("undoMergeButton")).click();
            browser.waitFor(By.id("undoReason")).sendKeys("different people after all");
            browser.driver().findElement(By.id("confirmUnmerge")).click();
            browser.waitUntil(d -> d.findElements(By.id("mergedNotice")).isEmpty());
            assertThat(browser.driver().findElement(By.id("summaryMrn")).getText()).contains(retiredMrn);
        }
        Patient again = client.read().resource(Patient.class).withId(retiredId).execute();
        assertThat(again.getActive()).isTrue();
        assertThat(again.getLink()).isEmpty();
    }

    private static Patient patient(String family, String given) {
        Patient p = new Patient();
        p.addName().setFamily(family).addGiven(given);
        p.setGender(AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1988-11-02"));
        return p;
    }

    private static String mrn(Patient p) {
        return p.getIdentifier().stream().filter(i -> "urn:asclepius:id:mrn".equals(i.getSystem())).findFirst()
                .orElseThrow().getValue();
    }
}
