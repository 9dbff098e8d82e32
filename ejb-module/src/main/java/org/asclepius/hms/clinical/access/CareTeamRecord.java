package org.asclepius.hms.clinical.access;

import java.io.Serializable;
import java.time.Instant;
import org.asclepius.hms.shared.PatientScoped;

/** A member of a patient's care team. */
public record CareTeamRecord(long id, long patientId, String userName, String teamRole, Instant startedAt,
        Instant endedAt, String addedBy, long version) implements PatientScoped, Serializable {

    static CareTeamRecord of(CareTeamMember m) {
        return new CareTeamRecord(m.getId(), m.getPatient().getId(), m.getUserName(), m.getTeamRole(),
                m.getStartedAt(), m.getEndedAt(), m.getCreatedBy(), m.getVersion());
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }
}
