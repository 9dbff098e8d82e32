package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code lab-technician}, as the user {@code test-lab}. */
@Stateless
@PermitAll
@RunAs("lab-technician")
@RunAsPrincipal("test-lab")
public class AsLabTechnician extends Caller {
}
