package org.asclepius.hms.shared;

/**
 * A result that belongs to one patient. The audit interceptor writes one event for each patient found in
 * what an {@code @Audited} method returns (directly, in a collection or in a {@link Page}).
 */
public interface PatientScoped {
    long patientId();
}
