package org.asclepius.hms.web.inpatient;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.web.shared.CurrentUser;

/** Whether the menu offers the bed board (mirrors BedBoardService.board and the /inpatient/* constraint). */
@Named
@RequestScoped
public class BedAccess {
    static final String[] BOARD_VIEWERS = {Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST};

    @Inject
    CurrentUser user;

    public boolean isCanSeeBedBoard() {
        for (String role : BOARD_VIEWERS) {
            if (user.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
