package org.asclepius.hms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** An event's place in the hash chain: written once by the sealer, never changed. */
@Entity
@Immutable
@Table(name = "audit_seal")
public class AuditSeal {
    @Id
    @Column(name = "event_id")
    private Long eventId;
    @Column(name = "block_no", nullable = false)
    private long blockNo;
    @Column(name = "chain_position", nullable = false, unique = true)
    private long position;
    @Column(name = "link", nullable = false, length = 64)
    private String link;

    protected AuditSeal() {
    }

    public AuditSeal(long eventId, long blockNo, long position, String link) {
        this.eventId = eventId;
        this.blockNo = blockNo;
        this.position = position;
        this.link = link;
    }
}
