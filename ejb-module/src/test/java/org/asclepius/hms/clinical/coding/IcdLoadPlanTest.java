package org.asclepius.hms.clinical.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcdLoadPlanTest {
    @Test
    void addsUpdatesReactivatesAndDeactivates_neverDeletes() {
        Map<String, IcdLoadPlan.Existing> existing = Map.of(
                "E11.9", new IcdLoadPlan.Existing("Type 2 diabetes mellitus without complications", true, true),
                "I10", new IcdLoadPlan.Existing("Hypertension", true, true),
                "J45.909", new IcdLoadPlan.Existing("Unspecified asthma, uncomplicated", true, false),
                "A09", new IcdLoadPlan.Existing("Infectious gastroenteritis and colitis, unspecified", true, true),
                "Z00.00", new IcdLoadPlan.Existing("Old one", true, false));
        List<IcdFileEntry> file = List.of(
                new IcdFileEntry(1, "E11.9", "Type 2 diabetes mellitus without complications", true),
                new IcdFileEntry(2, "I10", "Essential (primary) hypertension", true),
                new IcdFileEntry(3, "J45.909", "Unspecified asthma, uncomplicated", true),
                new IcdFileEntry(4, "E11", "Type 2 diabetes mellitus", false));

        IcdLoadPlan plan = IcdLoadPlan.of(existing, file);

        assertThat(plan.added()).extracting(IcdFileEntry::code).containsExactly("E11");
        assertThat(plan.updated()).extracting(IcdFileEntry::code).containsExactly("I10");
        assertThat(plan.reactivated()).extracting(IcdFileEntry::code).containsExactly("J45.909");
        assertThat(plan.deactivated()).containsExactly("A09"); // Z00.00 is inactive already
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void aChangedBillableFlagIsAnUpdate() {
        IcdLoadPlan plan = IcdLoadPlan.of(Map.of("E11", new IcdLoadPlan.Existing("Type 2 diabetes mellitus", true, true)),
                List.of(new IcdFileEntry(1, "E11", "Type 2 diabetes mellitus", false)));
        assertThat(plan.updated()).hasSize(1);
    }
}
