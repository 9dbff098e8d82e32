package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMessagesTest {
    private final FieldMessages form = FieldMessages.PATIENT_FORM;

    @Test
    void topLevelProperties_keepTheirName() {
        assertThat(form.componentId("familyName")).contains("familyName");
        assertThat(form.componentId("givenName")).contains("givenName");
        assertThat(form.componentId("middleName")).contains("middleName");
        assertThat(form.componentId("sex")).contains("sex");
        assertThat(form.componentId("birthDate")).contains("birthDate");
        assertThat(form.componentId("phone")).contains("phone");
        assertThat(form.componentId("email")).contains("email");
    }

    @Test
    void nestedProperties_goToTheirFormField() {
        assertThat(form.componentId("address.line1")).contains("addressLine1");
        assertThat(form.componentId("address.line2")).contains("addressLine2");
        assertThat(form.componentId("address.city")).contains("city");
        assertThat(form.componentId("address.state")).contains("state");
        assertThat(form.componentId("address.postalCode")).contains("postalCode");
        assertThat(form.componentId("address.country")).contains("country");
        assertThat(form.componentId("nextOfKin.name")).contains("kinName");
        assertThat(form.componentId("nextOfKin.relationship")).contains("kinRelationship");
        assertThat(form.componentId("nextOfKin.phone")).contains("kinPhone");
    }

    @Test
    void listElements_goToTheRowOfTheSameIndex() {
        assertThat(form.componentId("identifiers[0].value")).contains("identifierValue0");
        assertThat(form.componentId("identifiers[0].type")).contains("identifierType0");
        assertThat(form.componentId("identifiers[7].value")).contains("identifierValue7");
        assertThat(form.componentId("identifiers[12].type")).contains("identifierType12");
    }

    @Test
    void anErrorOnAWholeListElement_goesBesideItsValue() {
        assertThat(form.componentId("identifiers[3]")).contains("identifierValue3");
    }

    @Test
    void pathsWithoutAField_goToThePageWithALabel() {
        assertThat(form.componentId("identifiers")).isEmpty();
        assertThat(form.label("identifiers")).isEqualTo("Identifiers");
        assertThat(form.componentId("input")).isEmpty();
        assertThat(form.componentId("identifiers[0].unknown")).isEmpty();
        assertThat(form.componentId("address.planet")).isEmpty();
        assertThat(form.componentId(null)).isEmpty();
        assertThat(form.componentId("")).isEmpty();
    }

    @Test
    void malformedIndexes_areNotMistakenForARow() {
        assertThat(form.componentId("identifiers[x].value")).isEmpty();
        assertThat(form.componentId("identifiers[-1].value")).isEmpty();
        assertThat(form.componentId("identifiers[0]value")).isEmpty();
    }

    @Test
    void targets_keepTheServicesOrderAndMessages() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("address.city", "must not contain < or >");
        errors.put("identifiers", "an identifier was registered to another patient");
        errors.put("identifiers[1].value", "Passport must be 6 to 12 letters or digits");

        assertThat(form.targets(errors)).containsExactly(
                new FieldMessages.Target("city", "City", "must not contain < or >"),
                new FieldMessages.Target(null, "Identifiers", "an identifier was registered to another patient"),
                new FieldMessages.Target("identifierValue1", "Identifier", "Passport must be 6 to 12 letters or digits"));
        assertThat(form.targets(errors).get(0).summary()).isEqualTo("City: must not contain < or >");
    }

    @Test
    void searchForm_mapsTheServicesSearchErrors() {
        FieldMessages search = FieldMessages.PATIENT_SEARCH;
        assertThat(search.componentId("query")).contains("searchName");
        assertThat(search.componentId("name")).contains("searchName");
        assertThat(search.componentId("birthDate")).contains("searchBirthDate");
        assertThat(search.componentId("mrn")).contains("searchMrn");
        assertThat(search.componentId("identifierValue")).contains("searchIdentifier");
    }

    @Test
    void aBuiltMapping_isIndependentOfTheBuilderAfterwards() {
        FieldMessages.Builder builder = new FieldMessages.Builder().field("a", "x", "A");
        FieldMessages built = builder.build();
        builder.field("b", "y", "B");
        assertThat(built.componentId("b")).isEmpty();
        assertThat(built.componentId("a")).contains("x");
    }

    @Test
    void schedulingForms_mapTheServicesFieldsToTheirInputs() {
        assertThat(FieldMessages.HOURS_FORM.componentId("hours[2].end")).contains("hourEnd2");
        assertThat(FieldMessages.HOURS_FORM.componentId("hours[0].start")).contains("hourStart0");
        assertThat(FieldMessages.HOURS_FORM.componentId("hours[1]")).contains("hourDay1");
        assertThat(FieldMessages.HOURS_FORM.componentId("hours")).isEmpty();
        assertThat(FieldMessages.SERVICE_FORM.componentId("overbookPolicyExplained")).contains("svcPolicy");
        assertThat(FieldMessages.SERVICE_FORM.componentId("resourceIds")).contains("svcResources");
        assertThat(FieldMessages.RESOURCE_FORM.componentId("slotMinutes")).contains("resSlotMinutes");
        assertThat(FieldMessages.EXCEPTION_FORM.componentId("end")).contains("blockEnd");
        assertThat(FieldMessages.BOOKING_FORM.componentId("overbookReason")).contains("bookOverrideReason");
        assertThat(FieldMessages.BOOKING_FORM.componentId("overlapReason")).contains("bookOverrideReason");
        assertThat(FieldMessages.BOOKING_FORM.componentId("resourceIds")).contains("bookResources");
        assertThat(FieldMessages.RESCHEDULE_FORM.componentId("start")).contains("moveStart");
        assertThat(FieldMessages.CANCEL_FORM.componentId("reason")).contains("cancelReason");
        assertThat(FieldMessages.WAITLIST_FORM.componentId("latestNotBeforeEarliest")).contains("wlLatest");
    }
}
