package org.asclepius.hms.web.inpatient;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedStatus;
import org.junit.jupiter.api.Test;

/** Labels, field mappings and the bed-board view's own logic (no container needed). */
class BedUiTest {

    @Test
    void labels_readAsSentences() {
        assertThat(BedUi.label(BedStatus.NEEDS_CLEANING)).isEqualTo("Needs cleaning");
        assertThat(BedUi.label(BedKind.ICU)).isEqualTo("Icu");
        assertThat(BedUi.label((BedStatus) null)).isEmpty();
    }

    @Test
    void serviceFieldErrors_goBesideTheirFields() {
        assertThat(BedUi.WARD_FORM.componentId("ageRangeValid")).contains("wardMaxAge");
        assertThat(BedUi.WARD_FORM.componentId("code")).contains("wardCode");
        assertThat(BedUi.WARD_FORM.componentId("open")).contains("wardOpen");
        assertThat(BedUi.BED_FORM.componentId("label")).contains("bedLabel");
        assertThat(BedBoardView.ACTION_FORM.componentId("bedId")).contains("transferTo");
        assertThat(BedBoardView.ACTION_FORM.componentId("disposition")).contains("disposition");
    }

    @Test
    void dispositions_fitTheColumn() {
        assertThat(BedBoardView.DISPOSITIONS.keySet()).allMatch(code -> code.length() <= 30);
    }

    @Test
    void transferTargets_areGroupedByWard_andNameTheKind() throws Exception {
        BedBoardView view = new BedBoardView();
        java.lang.reflect.Field free = BedBoardView.class.getDeclaredField("freeBeds");
        free.setAccessible(true);
        free.set(view, List.of(
                new BedRecord(1, 0, 10, "MED", "R1", "A", BedKind.GENERAL, BedStatus.FREE, null),
                new BedRecord(2, 0, 10, "MED", "R1", "B", BedKind.ICU, BedStatus.FREE, null),
                new BedRecord(3, 0, 11, "SUR", "R9", "A", BedKind.GENERAL, BedStatus.FREE, null)));
        List<SelectItem> groups = view.getTransferOptions();
        assertThat(groups).extracting(SelectItem::getLabel).containsExactly("MED", "SUR");
        assertThat(((SelectItemGroup) groups.get(0)).getSelectItems()).extracting(SelectItem::getLabel)
                .containsExactly("MED R1-A", "MED R1-B (Icu)");

        // the view is kept in the replicated session: it serializes (the board itself is not kept)
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(view);
            out.writeObject(new WardsView());
        }
    }
}
