package org.asclepius.hms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain (one row). Only the sealer locks it, so requests that write audit events never
 * wait on it.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {
    @Id
    private Integer id;
    @Column(name = "last_block_no", nullable = false)
    private long lastBlockNo;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @Column(name = "last_link", nullable = false, length = 64)
    private String lastLink;

    protected AuditChainHead() {
    }

    public long getLastBlockNo() {
        return lastBlockNo;
    }

    public long getLastPosition() {
        return lastPosition;
    }

    public String getLastLink() {
        return lastLink;
    }

    void advance(long blockNo, long position, String link) {
        this.lastBlockNo = blockNo;
        this.lastPosition = position;
        this.lastLink = link;
    }
}
