package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code system}, as system work (imports, timers) runs. */
@Stateless
@PermitAll
@RunAs("system")
@RunAsPrincipal("test-system")
public class AsSystem extends Caller {
}
