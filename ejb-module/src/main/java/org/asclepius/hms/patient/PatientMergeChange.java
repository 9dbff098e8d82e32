package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One row a merge changed: a reference to the retired patient re-pointed to the survivor (attribute = the
 * association), or another value the merge set (with the value before). An unmerge puts these back.
 */
@Entity
@Table(name = "patient_merge_change")
public class PatientMergeChange {
    @Embeddable
    public record Key(@Column(name = "merge_id") long mergeId,
                      @Column(name = "entity_name", length = 100) String entityName,
                      @Column(name = "attribute_name", length = 100) String attributeName,
                      @Column(name = "row_id", length = 100) String rowId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(name = "old_value", length = 100)
    private String oldValue;

    protected PatientMergeChange() {
    }

    PatientMergeChange(long mergeId, String entityName, String attributeName, String rowId, String oldValue) {
        this.key = new Key(mergeId, entityName, attributeName, rowId);
        this.oldValue = oldValue;
    }

    public Key getKey() { return key; }
    public String getOldValue() { return oldValue; }
}
