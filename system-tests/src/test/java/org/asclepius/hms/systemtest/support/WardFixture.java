package org.asclepius.hms.systemtest.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.systemtest.callers.AsAdmin;
import org.asclepius.hms.systemtest.callers.AsReceptionist;

/**
 * A ward of its own for a test (unique code), with beds in rooms of two, and patients to admit. Add this class to
 * the deployment ({@code Deployments.earWithTests(Test.class, WardFixture.class, WardFixture.Ward.class)}).
 */
public final class WardFixture {
    private WardFixture() {
    }

    /** A ward and its beds (ids in room and label order: R1-B1, R1-B2, R2-B3, …). */
    public record Ward(long id, String code, List<Long> beds) {
        public long bed(int index) {
            return beds.get(index);
        }
    }

    public static Ward create(AsAdmin admin, BedService beds, String prefix, String department, int bedCount)
            throws Exception {
        String code = prefix + System.nanoTime() % 1_000_000_000L;
        long ward = admin.call(() -> beds.createWard(WardData.of(code, "Ward " + code, department)));
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= bedCount; i++) {
            int label = i;
            ids.add(admin.call(() -> beds.addBed(ward, "R" + (label + 1) / 2, "B" + label, BedKind.GENERAL)).id());
        }
        return new Ward(ward, code, List.copyOf(ids));
    }

    public static long patient(AsReceptionist desk, PatientService patients, String prefix) throws Exception {
        PatientData d = TestData.patient(TestData.uniqueFamilyName(prefix), "Ida", LocalDate.of(1950, 6, 1));
        d.setSex(Sex.FEMALE);
        return desk.call(() -> patients.register(d)).id();
    }
}
