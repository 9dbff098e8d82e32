package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code pharmacist}, as the user {@code test-pharmacist}. */
@Stateless
@PermitAll
@RunAs("pharmacist")
@RunAsPrincipal("test-pharmacist")
public class AsPharmacist extends Caller {
}
