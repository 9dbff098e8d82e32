package org.asclepius.hms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A sealed run of events: positions first..last, chained to the block before it. */
@Entity
@Immutable
@Table(name = "audit_block")
public class AuditBlock {
    @Id
    @Column(name = "block_no")
    private Long blockNo;
    @Column(name = "first_position", nullable = false)
    private long firstPosition;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;
    @Column(name = "block_hash", nullable = false, length = 64)
    private String blockHash;
    @Column(name = "sealed_at", nullable = false)
    private Instant sealedAt;
    @Column(name = "node", nullable = false, length = 100)
    private String node;

    protected AuditBlock() {
    }

    public AuditBlock(long blockNo, long firstPosition, long lastPosition, String previousHash, String blockHash,
                      Instant sealedAt, String node) {
        this.blockNo = blockNo;
        this.firstPosition = firstPosition;
        this.lastPosition = lastPosition;
        this.previousHash = previousHash;
        this.blockHash = blockHash;
        this.sealedAt = sealedAt;
        this.node = node;
    }

    public Long getBlockNo() {
        return blockNo;
    }

    public long getFirstPosition() {
        return firstPosition;
    }

    public long getLastPosition() {
        return lastPosition;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getBlockHash() {
        return blockHash;
    }
}
