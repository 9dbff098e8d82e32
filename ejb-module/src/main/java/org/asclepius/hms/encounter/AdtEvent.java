package org.asclepius.hms.encounter;

/**
 * Something happened to a patient or a stay that other systems hear about as an HL7 v2 ADT message. Services fire
 * it as a CDI event ({@code Event<AdtEvent>}) synchronously, inside the transaction that made the change, after
 * flushing it; the ADT feed observes it and writes one outbox message per configured endpoint in that same
 * transaction, so a rolled-back change sends nothing and a committed one is never lost.
 *
 * @param trigger        what happened
 * @param patientId      the patient (for A40: the surviving record)
 * @param encounterId    the visit concerned; null for patient-only events (A08 of demographics, A40)
 * @param priorPatientId A40 only: the record merged into {@code patientId}; null otherwise
 */
public record AdtEvent(AdtTrigger trigger, long patientId, Long encounterId, Long priorPatientId) {
    public static AdtEvent of(AdtTrigger trigger, Encounter encounter) {
        return new AdtEvent(trigger, encounter.getPatient().getId(), encounter.getId(), null);
    }
}
