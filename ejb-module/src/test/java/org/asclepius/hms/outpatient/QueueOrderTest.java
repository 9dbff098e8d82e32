package org.asclepius.hms.outpatient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.patient.Sex;
import org.junit.jupiter.api.Test;

/** The order of a queue: emergency by acuity then arrival; outpatient by stage then appointment time or arrival. */
class QueueOrderTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static VisitRecord visit(long id, EncounterKind kind, VisitStage stage, Integer acuity, int arrivedMin,
            Integer appointmentMin) {
        return new VisitRecord(id, 0, id, id, "P" + id, "M" + id, null, false, Sex.UNKNOWN, false, kind, "D", stage,
                T0.plusSeconds(arrivedMin * 60L), T0, null,
                appointmentMin == null ? null : T0.plusSeconds(appointmentMin * 60L), null, acuity, null, null, null,
                null, null, null, null, Duration.ZERO, Duration.ZERO);
    }

    private static List<Long> ordered(VisitRecord... visits) {
        List<VisitRecord> list = new ArrayList<>(List.of(visits));
        list.sort(VisitRecord.QUEUE_ORDER);
        return list.stream().map(VisitRecord::id).toList();
    }

    @Test
    void emergency_untriagedFirst_thenEsi1To5_thenArrival() {
        assertThat(ordered(
                visit(1, EncounterKind.EMERGENCY, VisitStage.WAITING, 3, 0, null),
                visit(2, EncounterKind.EMERGENCY, VisitStage.WAITING, 1, 30, null),
                visit(3, EncounterKind.EMERGENCY, VisitStage.WAITING, 3, -10, null),
                visit(4, EncounterKind.EMERGENCY, VisitStage.ARRIVED, null, 40, null),
                visit(5, EncounterKind.EMERGENCY, VisitStage.IN_CONSULTATION, 5, -60, null),
                visit(6, EncounterKind.EMERGENCY, VisitStage.WAITING, 2, 50, null)))
                .containsExactly(4L, 2L, 6L, 3L, 1L, 5L);
    }

    @Test
    void outpatient_byStage_thenAppointmentTimeOrArrival() {
        assertThat(ordered(
                visit(1, EncounterKind.OUTPATIENT, VisitStage.WAITING, null, 0, 60),
                visit(2, EncounterKind.OUTPATIENT, VisitStage.WAITING, null, 5, 30),
                visit(3, EncounterKind.OUTPATIENT, VisitStage.ARRIVED, null, 20, null),
                visit(4, EncounterKind.OUTPATIENT, VisitStage.IN_CONSULTATION, null, -30, 0),
                visit(5, EncounterKind.OUTPATIENT, VisitStage.WAITING, null, 45, null),
                visit(6, EncounterKind.OUTPATIENT, VisitStage.ARRIVED, null, 10, 15)))
                .containsExactly(6L, 3L, 2L, 5L, 1L, 4L);
    }

    @Test
    void emergencyVisits_comeBeforeOutpatientOnesOfTheSameQueue() {
        assertThat(ordered(
                visit(1, EncounterKind.OUTPATIENT, VisitStage.ARRIVED, null, 0, null),
                visit(2, EncounterKind.EMERGENCY, VisitStage.WAITING, 5, 10, null)))
                .containsExactly(2L, 1L);
    }
}
