package org.asclepius.hms.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.asclepius.hms.clinical.access.CareTeamService;
import org.asclepius.hms.clinical.access.StaffUnit;
import org.asclepius.hms.clinical.access.StaffUnitRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.WardRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /admin/staff-units.xhtml (admin): which department or ward each member of staff works in — physicians and nurses
 * read the charts of the patients treated there. Assign a user to a department (as encounters name it) or a ward
 * (by its code), list the assignments, remove one.
 */
@Named
@ViewScoped
public class StaffUnitsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "unitsForm";
    static final FieldMessages FIELDS = new FieldMessages.Builder()
            .field("userName", "unitUser", "User name")
            .field("kind", "unitKind", "Kind")
            .field("unit", "unitName", "Department or ward")
            .build();

    @Inject
    CareTeamService careTeam;
    @Inject
    BedService beds;
    @Inject
    VisitService visits;

    private List<StaffUnitRecord> units = List.of();
    private List<String> departments = List.of();
    private List<WardRecord> wards = List.of();
    private String userName;
    private StaffUnit.Kind kind = StaffUnit.Kind.DEPARTMENT;
    private String unit;

    @PostConstruct
    void init() {
        units = careTeam.units();
        wards = beds.wards();
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(visits.departments());
        wards.forEach(w -> {
            if (w.department() != null && !w.department().isBlank()) {
                known.add(w.department());
            }
        });
        departments = new ArrayList<>(known);
    }

    public void assign() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            StaffUnitRecord added = careTeam.assignUnit(userName, kind, unit);
            Pages.message(FacesMessage.SEVERITY_INFO, added.userName() + " now works in "
                    + kindLabel(added.kind()).toLowerCase(Locale.ROOT) + " " + added.unit() + ".");
            unit = null;
            units = careTeam.units();
        } catch (InvalidInputException e) {
            FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            FieldMessages.error(context, FORM, "unitName", e.getMessage());
        }
    }

    public void remove(StaffUnitRecord u) {
        try {
            careTeam.removeUnit(u.id());
            Pages.message(FacesMessage.SEVERITY_INFO, u.userName() + " no longer works in "
                    + kindLabel(u.kind()).toLowerCase(Locale.ROOT) + " " + u.unit() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        units = careTeam.units();
    }

    /** Departments and ward codes the unit field suggests (free text is accepted for a new department). */
    public List<String> complete(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String> options = kind == StaffUnit.Kind.WARD
                ? wards.stream().map(WardRecord::code).toList() : departments;
        return options.stream().filter(o -> o.toLowerCase(Locale.ROOT).contains(t)).limit(20).toList();
    }

    public void kindChanged() {
        unit = null;
    }

    public String kindLabel(StaffUnit.Kind k) {
        return k == StaffUnit.Kind.WARD ? "Ward" : "Department";
    }

    public String wardName(String code) {
        return wards.stream().filter(w -> w.code().equalsIgnoreCase(code)).map(WardRecord::name).findFirst()
                .orElse("");
    }

    public StaffUnit.Kind[] getKinds() {
        return StaffUnit.Kind.values();
    }

    public List<StaffUnitRecord> getUnits() { return units; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public StaffUnit.Kind getKind() { return kind; }
    public void setKind(StaffUnit.Kind kind) { this.kind = kind; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
}
