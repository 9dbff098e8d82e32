package org.asclepius.hms.web.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.web.shared.PagedModel;
import org.junit.jupiter.api.Test;

/** Views live in the replicated session (distributable): they and what they hold must serialize. */
class ViewSerializationTest {

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

    @Test
    void aHalfFilledRegistration_survivesSerialization() throws Exception {
        RegisterPatientView view = new RegisterPatientView();
        view.init();
        view.getData().setFamilyName("Okafor");
        view.getData().setSex(Sex.FEMALE);
        view.getData().setBirthDate(LocalDate.of(1980, 5, 17));
        view.getData().getIdentifiers().get(0).setType("PASSPORT");
        view.addIdentifier();

        RegisterPatientView copy = roundTrip(view);

        assertThat(copy.getData().getFamilyName()).isEqualTo("Okafor");
        assertThat(copy.getData().getIdentifiers()).hasSize(2);
        assertThat(copy.getData().getIdentifiers().get(0).getType()).isEqualTo("PASSPORT");
    }

    @Test
    void identifierRows_canBeAddedUpToTheLimitAndRemoved_butOneRowAlwaysShows() {
        RegisterPatientView view = new RegisterPatientView();
        view.init();
        assertThat(view.getData().getIdentifiers()).hasSize(1);
        for (int i = 0; i < 20; i++) {
            view.addIdentifier();
        }
        assertThat(view.getData().getIdentifiers()).hasSize(PatientFormView.MAX_IDENTIFIERS);
        assertThat(view.isCanAddIdentifier()).isFalse();
        for (int i = 0; i < 20; i++) {
            view.removeIdentifier(0);
        }
        assertThat(view.getData().getIdentifiers()).hasSize(1);
        view.removeIdentifier(5); // out of range: nothing happens
        assertThat(view.getData().getIdentifiers()).hasSize(1);
    }

    @Test
    void emptyIdentifierRows_areDroppedBeforeSaving_soErrorRowsMatchTheForm() {
        RegisterPatientView view = new RegisterPatientView();
        view.init();
        view.addIdentifier();
        view.getData().getIdentifiers().get(1).setValue("X1");
        view.dropEmptyIdentifierRows();
        assertThat(view.getData().getIdentifiers()).hasSize(1);
        assertThat(view.getData().getIdentifiers().get(0).getValue()).isEqualTo("X1");
    }

    @Test
    void aSearchWithItsResultModel_survivesSerialization() throws Exception {
        FindPatientView view = new FindPatientView();
        view.setName("smi jo");
        PatientSummary row = new PatientSummary(4, "10000009", "Smith", "John", null, Sex.MALE,
                LocalDate.of(1970, 1, 1), null, "Springfield");
        PagedModel<PatientSummary> model = new PagedModel<PatientSummary>(
                (first, max) -> new Page<>(List.of(row), 1, first, max), r -> Long.toString(r.id()), 20);
        model.setWrappedData(model.load(0, 20, Map.of(), Map.of()));

        PagedModel<PatientSummary> copy = roundTrip(model);
        FindPatientView viewCopy = roundTrip(view);

        assertThat(copy.getRowData("4")).isEqualTo(row);
        assertThat(copy.getTotal()).isEqualTo(1L);
        assertThat(viewCopy.getName()).isEqualTo("smi jo");
    }
}
