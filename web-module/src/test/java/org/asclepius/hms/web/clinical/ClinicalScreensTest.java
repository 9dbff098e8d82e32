package org.asclepius.hms.web.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterRecord;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.junit.jupiter.api.Test;

class ClinicalScreensTest {

    @Test
    void anOrderableSuggestion_givesBackItsCode_andTypedTextIsPassedOnForTheServiceToJudge() {
        String suggestion = ChartOrdersView.suggestion(new Code("http://loinc.org", "58410-2",
                "CBC panel - Blood by Automated count"));
        assertThat(suggestion).isEqualTo("CBC panel - Blood by Automated count [58410-2]");
        assertThat(ChartOrdersView.codeOf(suggestion)).isEqualTo("58410-2");
        assertThat(ChartOrdersView.codeOf(" 1988-5 ")).isEqualTo("1988-5");
        assertThat(ChartOrdersView.codeOf("  ")).isNull();
        assertThat(ChartOrdersView.codeOf(null)).isNull();
    }

    @Test
    void labels_readAsPeopleSayThem() {
        ClinicalUi ui = new ClinicalUi();
        assertThat(ui.label(EncounterStatus.IN_PROGRESS)).isEqualTo("In progress");
        assertThat(ui.label(OrderKind.MEDICATION)).isEqualTo("Medication");
        assertThat(ui.label(null)).isEmpty();
        assertThat(ChartView.DURATIONS).extracting(ui::duration).containsExactly("30 min", "1 h", "4 h", "12 h");
        assertThat(ClinicalUi.minutes(90)).isEqualTo("1 h 30 min");
    }

    @Test
    void anEncounterToChoose_saysKindDepartmentSinceAndAttending() {
        EncounterRecord e = new EncounterRecord(7, 0, 3, "DOE, Jane", EncounterKind.OUTPATIENT,
                EncounterStatus.IN_PROGRESS, "Cardiology", "physician", Instant.parse("2030-05-06T08:00:00Z"), null,
                null, null, null, List.of());
        assertThat(ClinicalUi.encounter(e)).startsWith("Outpatient · Cardiology · since ").endsWith(" · physician");
    }

    @Test
    void theChartsViews_surviveSerialization() throws Exception {
        ChartNotesView notes = new ChartNotesView();
        notes.newNote();
        notes.getSections().put("Subjective", "cough for a week");
        ChartNotesView copy = roundTrip(notes);
        assertThat(copy.getSections()).containsEntry("Subjective", "cough for a week");
        assertThat(copy.getSectionNames()).containsExactly("Subjective", "Objective", "Assessment", "Plan");
        assertThat(roundTrip(new ChartView()).getDurations()).hasSize(4);
        assertThat(roundTrip(new ChartVitalsView())).isNotNull();
        assertThat(roundTrip(new ChartOrdersView()).getKinds()).hasSize(3);
        assertThat(roundTrip(new ChartMedicationsView())).isNotNull();
        assertThat(CodeSystems.shortName("http://loinc.org")).isNotBlank();
    }

    @Test
    void changingTheTemplate_keepsWhatWasWrittenInSectionsOfTheSameName() {
        ChartNotesView notes = new ChartNotesView();
        notes.newNote();
        notes.getSections().put("Assessment", "community-acquired pneumonia");
        notes.getSections().put("Subjective", "fever");
        notes.setTemplate(org.asclepius.hms.clinical.notes.NoteTemplate.PROGRESS);
        notes.templateChanged();
        assertThat(notes.getSectionNames()).containsExactly("Progress", "Assessment", "Plan");
        assertThat(notes.getSections()).containsEntry("Assessment", "community-acquired pneumonia")
                .doesNotContainKey("Subjective");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
