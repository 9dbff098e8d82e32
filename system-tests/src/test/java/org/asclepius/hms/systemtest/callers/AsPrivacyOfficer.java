package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code privacy-officer}. */
@Stateless
@PermitAll
@RunAs("privacy-officer")
@RunAsPrincipal("test-privacy")
public class AsPrivacyOfficer extends Caller {
}
