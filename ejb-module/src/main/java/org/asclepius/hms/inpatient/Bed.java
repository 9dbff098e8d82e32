package org.asclepius.hms.inpatient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.asclepius.hms.shared.TrackedEntity;

/** A bed in a room of a ward, with its kind and state. */
@Entity
@Table(name = "bed")
public class Bed extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ward_seq")
    @SequenceGenerator(name = "ward_seq", sequenceName = "ward_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ward_id", nullable = false)
    private Ward ward;
    @Column(name = "room", nullable = false, length = 20)
    private String room;
    @Column(name = "label", nullable = false, length = 20)
    private String label;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private BedKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private BedStatus status = BedStatus.FREE;
    @Column(name = "note", length = 300)
    private String note;

    protected Bed() {
    }

    public Bed(Ward ward, String room, String label, BedKind kind) {
        this.ward = ward;
        this.room = room;
        this.label = label;
        this.kind = kind;
    }

    /** Moves or relabels the bed, or changes its kind (the administrator's edit). */
    void update(String room, String label, BedKind kind) {
        this.room = room;
        this.label = label;
        this.kind = kind;
    }

    void setStatus(BedStatus status, String note) {
        this.status = status;
        this.note = note;
    }

    public String name() {
        return ward.getCode() + " " + room + "-" + label;
    }

    public Long getId() { return id; }
    public Ward getWard() { return ward; }
    public String getRoom() { return room; }
    public String getLabel() { return label; }
    public BedKind getKind() { return kind; }
    public BedStatus getStatus() { return status; }
    public String getNote() { return note; }
}
