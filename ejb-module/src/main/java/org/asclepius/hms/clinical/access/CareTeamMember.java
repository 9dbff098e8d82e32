package org.asclepius.hms.clinical.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/** A clinician named on a patient's care team (beyond the attending of the encounter), from when until when. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_team_member_seq")
    @SequenceGenerator(name = "care_team_member_seq", sequenceName = "care_team_member_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;
    @Column(name = "team_role", nullable = false, length = 80)
    private String teamRole;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected CareTeamMember() {
    }

    CareTeamMember(Patient patient, String userName, String teamRole, Instant startedAt) {
        this.patient = patient;
        this.userName = userName;
        this.teamRole = teamRole;
        this.startedAt = startedAt;
    }

    void end(Instant at) {
        this.endedAt = at;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public String getUserName() { return userName; }
    public String getTeamRole() { return teamRole; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
}
