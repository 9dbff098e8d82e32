package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code admin}. */
@Stateless
@PermitAll
@RunAs("admin")
@RunAsPrincipal("test-admin")
public class AsAdmin extends Caller {
}
