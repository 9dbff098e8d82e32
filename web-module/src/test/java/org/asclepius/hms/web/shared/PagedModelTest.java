package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.asclepius.hms.shared.Page;
import org.junit.jupiter.api.Test;

class PagedModelTest {
    private final List<int[]> calls = new ArrayList<>();

    private Page<Integer> fetch(int first, int max) {
        calls.add(new int[] {first, max});
        int total = 45;
        List<Integer> items = IntStream.range(first, Math.min(total, first + max)).boxed().toList();
        return new Page<>(items, total, first, max);
    }

    private PagedModel<Integer> model() {
        return new PagedModel<>(this::fetch, String::valueOf, 20);
    }

    @Test
    void eachTableRequest_costsOneServiceCall() {
        PagedModel<Integer> model = model();
        assertThat(model.count(Map.of())).isEqualTo(45);
        assertThat(model.load(0, 20, Map.of(), Map.of())).hasSize(20).startsWith(0);
        assertThat(calls).hasSize(1);

        // next page: the count of the last call, then one call for the rows
        assertThat(model.count(Map.of())).isEqualTo(45);
        assertThat(model.load(20, 20, Map.of(), Map.of())).hasSize(20).startsWith(20);
        assertThat(calls).hasSize(2);
        assertThat(model.getRowCount()).isEqualTo(45);
    }

    @Test
    void aPrefetchedFirstPage_isUsedAsItIs() {
        PagedModel<Integer> model = model().startingWith(fetch(0, 20));
        calls.clear();
        assertThat(model.count(Map.of())).isEqualTo(45);
        assertThat(model.load(0, 20, Map.of(), Map.of())).hasSize(20);
        assertThat(calls).isEmpty();
    }

    @Test
    void aPrefetchedPageForOtherRows_isNotUsed() {
        PagedModel<Integer> model = model().startingWith(fetch(0, 20));
        calls.clear();
        assertThat(model.load(40, 20, Map.of(), Map.of())).containsExactly(40, 41, 42, 43, 44);
        assertThat(calls).hasSize(1);
    }

    @Test
    void rowKeys_findTheRowsOnThePage() {
        PagedModel<Integer> model = model();
        model.setWrappedData(model.load(0, 20, Map.of(), Map.of()));
        assertThat(model.getRowKey(7)).isEqualTo("7");
        assertThat(model.getRowData("7")).isEqualTo(7);
        assertThat(model.getRowData("99")).isNull();
    }
}
