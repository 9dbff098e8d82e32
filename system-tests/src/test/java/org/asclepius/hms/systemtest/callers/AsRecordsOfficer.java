package org.asclepius.hms.systemtest.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test-only caller with the role {@code records-officer}. */
@Stateless
@PermitAll
@RunAs("records-officer")
@RunAsPrincipal("test-records")
public class AsRecordsOfficer extends Caller {
}
