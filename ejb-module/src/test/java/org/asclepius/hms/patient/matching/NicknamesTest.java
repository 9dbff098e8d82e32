package org.asclepius.hms.patient.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NicknamesTest {
    private final Nicknames nicknames = Nicknames.load();

    @Test
    void table_hasAtLeast150Groups() {
        assertThat(nicknames.groupCount()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void namesInOneGroup_areTheSame() {
        assertThat(nicknames.same("william", "bill")).isTrue();
        assertThat(nicknames.same("liam", "billy")).isTrue();
        assertThat(nicknames.same("robert", "bob")).isTrue();
        assertThat(nicknames.same("elizabeth", "betsy")).isTrue();
        assertThat(nicknames.same("margaret", "peggy")).isTrue();
        assertThat(nicknames.same("francisco", "paco")).isTrue();
    }

    @Test
    void namesInDifferentGroups_areNot() {
        assertThat(nicknames.same("william", "robert")).isFalse();
        assertThat(nicknames.same("alexander", "alexandra")).isFalse();
        assertThat(nicknames.same("unknownname", "bill")).isFalse();
    }

    @Test
    void aNicknameOfSeveralGroups_leadsToEachFormalName() {
        assertThat(nicknames.formalNames("al")).contains("albert", "alfred", "alexander", "alan");
        assertThat(nicknames.formalNames("zebedee")).containsExactly("zebedee");
    }
}
