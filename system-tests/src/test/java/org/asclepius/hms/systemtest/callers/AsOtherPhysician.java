package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code physician}, as the user {@code test-physician-2}. */
@Stateless
@PermitAll
@RunAs("physician")
@RunAsPrincipal("test-physician-2")
public class AsOtherPhysician extends Caller {
}
