package org.asclepius.hms.web.outpatient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.asclepius.hms.observation.Consciousness;
import org.junit.jupiter.api.Test;

/** The queue screens' own logic: waiting times as staff read them, departments offered, the NEWS2 preview. */
class VisitQueueSupportTest {

    @Test
    void waitingTimes_readAsMinutesThenHours() {
        assertThat(VisitQueueSupport.duration(Duration.ofSeconds(59))).isEqualTo("0 min");
        assertThat(VisitQueueSupport.duration(Duration.ofMinutes(7))).isEqualTo("7 min");
        assertThat(VisitQueueSupport.duration(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(VisitQueueSupport.duration(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
        assertThat(VisitQueueSupport.duration(Duration.ofMinutes(600))).isEqualTo("10 h 00 min");
    }

    @Test
    void theDepartmentInTheAddress_isOffered_once() {
        List<String> known = List.of("Cardiology", "Emergency");
        assertThat(VisitQueueSupport.withCurrent(known, null)).isEqualTo(known);
        assertThat(VisitQueueSupport.withCurrent(known, "cardiology")).isEqualTo(known);
        assertThat(VisitQueueSupport.withCurrent(known, "Dermatology"))
                .containsExactly("Cardiology", "Dermatology", "Emergency");
    }

    @Test
    void news2Preview_appearsOnceEveryObservationIsThere_inItsColour() {
        QueueBoardView view = new QueueBoardView();
        view.setRespirationRate(22);
        view.setSpo2(95);
        view.setOnOxygen(false);
        view.setSystolic(120);
        view.setPulse(95);
        view.setConsciousness(Consciousness.ALERT);
        assertThat(view.getNews2Preview()).contains("when every observation is entered");
        assertThat(view.getNews2PreviewClass()).isEqualTo("hms-risk-none");
        view.setTemperature(new BigDecimal("38.4"));
        assertThat(view.getNews2Preview()).startsWith("NEWS2 5 · Medium risk");
        assertThat(view.getNews2PreviewClass()).isEqualTo("hms-risk-orange");
        view.setPulse(300); // implausible: no score from a typing error
        assertThat(view.getNews2PreviewClass()).isEqualTo("hms-risk-none");
    }

    @Test
    void aHalfTypedTriage_survivesSerialization() throws Exception {
        QueueBoardView view = new QueueBoardView();
        view.setDepartment(" Cardiology ");
        view.setPulse(88);
        view.setTemperature(new BigDecimal("36.9"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(view);
        }
        QueueBoardView copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (QueueBoardView) in.readObject();
        }
        assertThat(copy.getDepartment()).isEqualTo("Cardiology");
        assertThat(copy.getPulse()).isEqualTo(88);
        assertThat(copy.getTemperature()).isEqualByComparingTo("36.9");
    }
}
