package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code nurse}. */
@Stateless
@PermitAll
@RunAs("nurse")
@RunAsPrincipal("test-nurse")
public class AsNurse extends Caller {
}
