package org.asclepius.hms.shared;

import java.util.List;

/** A result about several patients (e.g. a pair on the duplicate worklist): each is audited. */
public interface PatientsScoped {
    List<? extends PatientScoped> scopedParts();
}
