package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code nurse}, as the user {@code test-nurse-2}. */
@Stateless
@PermitAll
@RunAs("nurse")
@RunAsPrincipal("test-nurse-2")
public class AsOtherNurse extends Caller {
}
