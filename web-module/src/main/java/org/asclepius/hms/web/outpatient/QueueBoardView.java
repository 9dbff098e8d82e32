package org.asclepius.hms.web.outpatient;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * /outpatient/queue-board.xhtml?department=…: a department's queue with stage, waiting times, NEWS2 colour and
 * acuity, and the actions of the signed-in role; a poll every 5 s keeps it current on every node.
 */
@Named
@ViewScoped
public class QueueBoardView extends VisitQueueSupport {
    private static final long serialVersionUID = 1L;

    private String department;
    private List<String> departments = List.of();

    /** viewAction. */
    public void load() {
        departments = withCurrent(visits.departments(), department);
        reload();
    }

    @Override
    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department == null || department.isBlank() ? null : department.trim();
    }

    public List<String> getDepartments() {
        return departments;
    }
}
