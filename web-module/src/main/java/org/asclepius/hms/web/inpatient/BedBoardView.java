package org.asclepius.hms.web.inpatient;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedBoard;
import org.asclepius.hms.inpatient.BedBoardService;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.BoardBed;
import org.asclepius.hms.inpatient.BoardFilter;
import org.asclepius.hms.inpatient.WardRecord;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.ServerTimingFilter;
import org.primefaces.PrimeFaces;

/**
 * /inpatient/bed-board.xhtml[?ward=ID]: every ward as a grid of its beds by room, coloured by state, with the
 * patient in each occupied bed; filters by ward, kind and state. Choosing a bed opens its actions: admit to a
 * free bed, transfer or discharge (with the discharge summary) its patient, release a cleaned bed, block or
 * unblock it. A reserved bed shows the patient it is held for (admitted from the admissions screen).
 *
 * <p>The board itself is not kept in the view (it is read again for every request that shows it, at most once
 * per request) so that the view state stays small and a refreshed board is never stale; the page is plain HTML
 * in {@code ui:repeat}, one remote command opens a bed.
 */
@Named
@ViewScoped
public class BedBoardView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String BED_FORM = "bedForm";
    /** The request attribute holding the board read for this request. */
    static final String BOARD = BedBoardView.class.getName() + ".board";
    static final FieldMessages ACTION_FORM = new FieldMessages.Builder()
            .field("patientId", "admitMrn", "Patient")
            .field("mrn", "admitMrn", "MRN")
            .field("source", "admitSource", "Comes from")
            .field("reason", "admitReason", "Reason for admission")
            .field("attending", "admitAttending", "Attending")
            .field("bedId", "transferTo", "Bed")
            .field("disposition", "disposition", "Disposition")
            .field("summary", "dischargeSummary", "Discharge summary")
            .build();
    static final FieldMessages BLOCK_FIELDS = new FieldMessages.Builder()
            .field("reason", "blockNote", "Reason")
            .build();
    static final FieldMessages LEAVE_FIELDS = new FieldMessages.Builder()
            .field("until", "leaveUntil", "Expected back")
            .field("reason", "leaveReason", "Reason for the leave")
            .build();
    static final FieldMessages CORRECTION_FIELDS = new FieldMessages.Builder()
            .field("reason", "correctionReason", "Why")
            .build();
    /** Discharge dispositions offered (stored as the code, at most 30 characters). */
    static final Map<String, String> DISPOSITIONS = dispositions();

    @Inject
    BedBoardService board;
    @Inject
    org.asclepius.hms.inpatient.WristbandService wristbands;
    private java.time.LocalDateTime leaveUntil;
    private String leaveReason;
    private String correctionReason;
    @Inject
    BedService beds;
    @Inject
    AdmissionService admissions;
    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private Long wardFilter;
    private BedKind kindFilter;
    private BedStatus statusFilter;
    private List<WardRecord> wards = List.of();

    /** The bed whose dialog is open. */
    private BoardBed bed;
    private List<BedRecord> freeBeds = List.of();
    // admit
    private String admitMrn;
    private PatientRecord admitPatient;
    private String patientNotice;
    private AdmissionSource admitSource;
    private String admitReason;
    private String admitAttending;
    // transfer, discharge, block
    private Long transferTo;
    private String disposition;
    private String dischargeSummary;
    private String blockNote;

    @PostConstruct
    void init() {
        wards = beds.wards();
    }

    /** The board for this request (read once, when first needed). */
    public BedBoard getBoard() {
        FacesContext context = FacesContext.getCurrentInstance();
        Map<Object, Object> attributes = context.getAttributes();
        BedBoard b = (BedBoard) attributes.get(BOARD);
        if (b == null) {
            long start = System.nanoTime();
            b = board.board(new BoardFilter(wardFilter, kindFilter, statusFilter));
            // the service's share of the page's Server-Timing (queries, audit, transaction)
            ServerTimingFilter.record((ServletRequest) context.getExternalContext().getRequest(), "board",
                    System.nanoTime() - start);
            attributes.put(BOARD, b);
        }
        return b;
    }

    /** A filter changed: the next render reads the board again. */
    public void refresh() {
        FacesContext.getCurrentInstance().getAttributes().remove(BOARD);
    }

    public void clearFilters() {
        wardFilter = null;
        kindFilter = null;
        statusFilter = null;
        refresh();
    }

    // ---- the bed dialog ----

    /** Remote command from a bed of the board (request parameter bedId). */
    public void openBed() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("bedId");
        try {
            open(Long.parseLong(id));
        } catch (NumberFormatException | NotFoundException e) {
            bed = null;
            Pages.message(FacesMessage.SEVERITY_ERROR, "This bed no longer exists: the board was refreshed.");
        }
    }

    void open(long bedId) {
        bed = board.bed(bedId);
        admitMrn = null;
        admitPatient = null;
        patientNotice = null;
        admitSource = null;
        admitReason = null;
        admitAttending = null;
        transferTo = null;
        disposition = null;
        dischargeSummary = null;
        blockNote = null;
        freeBeds = bed.occupant() != null && isCanMove() ? beds.freeBeds() : List.of();
    }

    public void findPatient() {
        FacesContext context = FacesContext.getCurrentInstance();
        admitPatient = null;
        patientNotice = null;
        if (admitMrn == null || admitMrn.isBlank()) {
            FieldMessages.error(context, BED_FORM, "admitMrn", "enter the patient's MRN");
            return;
        }
        try {
            PatientRecord found = patients.getByMrn(admitMrn.trim());
            if (found.isMerged()) {
                patientNotice = "MRN " + found.mrn() + " was merged into MRN " + found.mergedInto().mrn()
                        + ": admitting that record.";
                found = patients.get(found.mergedInto().id());
            }
            admitPatient = found;
        } catch (InvalidInputException e) {
            FieldMessages.error(context, BED_FORM, "admitMrn",
                    e.getFieldErrors().getOrDefault("mrn", "is not a valid MRN"));
        } catch (NotFoundException e) {
            FieldMessages.error(context, BED_FORM, "admitMrn", "no patient has this MRN");
        }
    }

    public void admit() {
        if (bed == null) {
            return;
        }
        boolean mrnChanged = admitPatient != null && admitMrn != null && !admitMrn.trim().equals(admitPatient.mrn())
                && patientNotice == null;
        if (admitPatient == null || mrnChanged) {
            findPatient();
            if (admitPatient == null) {
                return;
            }
        }
        long patient = admitPatient.id();
        done(BedUi.attempt(ACTION_FORM, BED_FORM, () -> {
            AdmissionRecord a = admissions.admit(patient, bed.id(), admitSource, admitReason, admitAttending);
            Pages.message(FacesMessage.SEVERITY_INFO, a.patientName() + " admitted to " + a.bed() + ".");
        }));
    }

    public void transfer() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        if (transferTo == null) {
            FieldMessages.error(FacesContext.getCurrentInstance(), BED_FORM, "transferTo", "choose the free bed");
            return;
        }
        done(BedUi.attempt(ACTION_FORM, BED_FORM, () -> {
            AdmissionRecord a = admissions.transfer(bed.occupant().admissionId(), bed.occupant().admissionVersion(),
                    transferTo);
            Pages.message(FacesMessage.SEVERITY_INFO, a.patientName() + " moved to " + a.bed() + "; "
                    + bed.name() + " needs cleaning.");
        }));
    }

    public void discharge() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        done(BedUi.attempt(ACTION_FORM, BED_FORM, () -> {
            AdmissionRecord a = admissions.discharge(bed.occupant().admissionId(),
                    bed.occupant().admissionVersion(), disposition, dischargeSummary);
            Pages.message(FacesMessage.SEVERITY_INFO, a.patientName() + " discharged; " + bed.name()
                    + " needs cleaning.");
        }));
    }

    /** Leave of absence: the bed stays the patient's until the return. */
    public void startLeave() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        done(BedUi.attempt(LEAVE_FIELDS, BED_FORM, () -> {
            AdmissionRecord a = admissions.startLeave(bed.occupant().admissionId(), bed.occupant().admissionVersion(),
                    leaveUntil == null ? null : leaveUntil.atZone(org.asclepius.hms.shared.TimeFormat.hospitalZone())
                            .toInstant(), leaveReason);
            Pages.message(FacesMessage.SEVERITY_INFO, a.patientName() + " is on leave; " + bed.name()
                    + " stays theirs.");
        }));
    }

    public void endLeave() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        done(BedUi.attempt(LEAVE_FIELDS, BED_FORM, () -> {
            AdmissionRecord a = admissions.endLeave(bed.occupant().admissionId(), bed.occupant().admissionVersion());
            Pages.message(FacesMessage.SEVERITY_INFO, a.patientName() + " is back from leave.");
        }));
    }

    /** The admission was entered in error (wrong patient, never came). */
    public void cancelAdmission() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        done(BedUi.attempt(CORRECTION_FIELDS, BED_FORM, () -> {
            AdmissionRecord a = admissions.cancelAdmission(bed.occupant().admissionId(),
                    bed.occupant().admissionVersion(), correctionReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Admission of " + a.patientName() + " cancelled; "
                    + bed.name() + " needs cleaning.");
        }));
    }

    /** The last transfer was entered in error: back to the bed before. */
    public void cancelTransfer() {
        if (bed == null || bed.occupant() == null) {
            return;
        }
        done(BedUi.attempt(CORRECTION_FIELDS, BED_FORM, () -> {
            AdmissionRecord a = admissions.cancelTransfer(bed.occupant().admissionId(),
                    bed.occupant().admissionVersion(), correctionReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Transfer cancelled: " + a.patientName() + " is back in "
                    + a.bed() + ".");
        }));
    }

    /** The wristband of the patient in the chosen bed. */
    public org.primefaces.model.StreamedContent getWristband() {
        if (bed == null || bed.occupant() == null) {
            return null;
        }
        org.asclepius.hms.inpatient.WristbandService.Pdf pdf = wristbands.forAdmission(bed.occupant().admissionId());
        return org.primefaces.model.DefaultStreamedContent.builder().name(pdf.fileName())
                .contentType("application/pdf")
                .stream(() -> new java.io.ByteArrayInputStream(pdf.content())).build();
    }

    public java.time.LocalDateTime getLeaveUntil() { return leaveUntil; }
    public void setLeaveUntil(java.time.LocalDateTime leaveUntil) { this.leaveUntil = leaveUntil; }
    public String getLeaveReason() { return leaveReason; }
    public void setLeaveReason(String leaveReason) { this.leaveReason = leaveReason; }
    public String getCorrectionReason() { return correctionReason; }
    public void setCorrectionReason(String correctionReason) { this.correctionReason = correctionReason; }

    /** A cleaned bed, or the end of a block: the bed is free. */
    public void release() {
        if (bed != null) {
            done(BedUi.attempt(ACTION_FORM, BED_FORM, () -> {
                BedRecord b = beds.release(bed.id());
                Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + b.ward() + " " + b.room() + "-" + b.label()
                        + " is free.");
            }));
        }
    }

    public void block() {
        if (bed != null) {
            done(BedUi.attempt(BLOCK_FIELDS, BED_FORM, () -> {
                BedRecord b = beds.block(bed.id(), blockNote);
                Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + b.ward() + " " + b.room() + "-" + b.label()
                        + " blocked.");
            }));
        }
    }

    /** After an action: on success the dialog closes and the board is read again; a refusal keeps it open. */
    private void done(boolean succeeded) {
        if (succeeded) {
            bed = null;
            refresh();
            PrimeFaces.current().executeScript("PF('bedDialog').hide()");
        } else if (bed != null) {
            try {
                BoardBed now = board.bed(bed.id());
                if (now.status() != bed.status() || now.version() != bed.version()) {
                    Pages.message(FacesMessage.SEVERITY_WARN, "The bed changed meanwhile: it is now "
                            + BedUi.label(now.status()).toLowerCase(java.util.Locale.ROOT) + ".");
                }
                bed = now;
            } catch (NotFoundException gone) {
                bed = null;
            }
            refresh();
        }
    }

    // ---- what the user may do (the services enforce it) ----

    /** Admit, transfer, discharge (mirrors AdmissionService.transfer/discharge). */
    public boolean isCanMove() {
        return user.hasRole(Roles.NURSE) || user.hasRole(Roles.PHYSICIAN) || user.hasRole(Roles.ADMIN);
    }

    /** Release, block, unblock (mirrors BedService.block/release). */
    public boolean isCanTend() {
        return user.hasRole(Roles.NURSE) || user.hasRole(Roles.ADMIN);
    }

    public boolean isCanAdmitHere() {
        return bed != null && bed.status() == BedStatus.FREE && isCanMove();
    }

    public boolean isCanTransferOrDischarge() {
        return bed != null && bed.occupant() != null && isCanMove();
    }

    public boolean isCanRelease() {
        return bed != null && isCanTend()
                && (bed.status() == BedStatus.NEEDS_CLEANING || bed.status() == BedStatus.BLOCKED);
    }

    public boolean isCanBlock() {
        return bed != null && isCanTend()
                && (bed.status() == BedStatus.FREE || bed.status() == BedStatus.NEEDS_CLEANING);
    }

    // ---- options and labels ----

    /** The free beds of open wards by ward, except the bed itself. */
    public List<SelectItem> getTransferOptions() {
        Map<String, List<SelectItem>> byWard = new LinkedHashMap<>();
        for (BedRecord b : freeBeds) {
            if (bed == null || b.id() != bed.id()) {
                byWard.computeIfAbsent(b.ward(), k -> new ArrayList<>())
                        .add(new SelectItem(b.id(), bedName(b)));
            }
        }
        List<SelectItem> groups = new ArrayList<>();
        byWard.forEach((ward, items) -> {
            SelectItemGroup group = new SelectItemGroup(ward);
            group.setSelectItems(items.toArray(SelectItem[]::new));
            groups.add(group);
        });
        return groups;
    }

    /** "MED-3 R12-A (ICU)". */
    static String bedName(BedRecord b) {
        return b.ward() + " " + b.room() + "-" + b.label()
                + (b.kind() == BedKind.GENERAL ? "" : " (" + BedUi.label(b.kind()) + ")");
    }

    static Map<String, String> dispositions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("home", "Home");
        m.put("home-with-care", "Home with care services");
        m.put("other-hospital", "Transferred to another hospital");
        m.put("care-home", "To a care or nursing home");
        m.put("against-advice", "Left against medical advice");
        m.put("died", "Died");
        return m;
    }

    public Map<String, String> getDispositions() {
        return DISPOSITIONS;
    }

    public String statusLabel(BedStatus s) {
        return BedUi.label(s);
    }

    public String kindLabel(BedKind k) {
        return BedUi.label(k);
    }

    public BedStatus[] getStatuses() {
        return BedStatus.values();
    }

    public BedKind[] getKinds() {
        return BedKind.values();
    }

    public AdmissionSource[] getSources() {
        return AdmissionSource.values();
    }

    public String sourceLabel(AdmissionSource s) {
        return s == null ? "" : BedUi.sentence(s.name());
    }

    public List<WardRecord> getWards() { return wards; }
    public Long getWardFilter() { return wardFilter; }
    public void setWardFilter(Long wardFilter) { this.wardFilter = wardFilter; }
    public BedKind getKindFilter() { return kindFilter; }
    public void setKindFilter(BedKind kindFilter) { this.kindFilter = kindFilter; }
    public BedStatus getStatusFilter() { return statusFilter; }
    public void setStatusFilter(BedStatus statusFilter) { this.statusFilter = statusFilter; }
    public BoardBed getBed() { return bed; }
    public String getAdmitMrn() { return admitMrn; }
    public void setAdmitMrn(String admitMrn) { this.admitMrn = admitMrn; }
    public PatientRecord getAdmitPatient() { return admitPatient; }
    public String getPatientNotice() { return patientNotice; }
    public AdmissionSource getAdmitSource() { return admitSource; }
    public void setAdmitSource(AdmissionSource admitSource) { this.admitSource = admitSource; }
    public String getAdmitReason() { return admitReason; }
    public void setAdmitReason(String admitReason) { this.admitReason = admitReason; }
    public String getAdmitAttending() { return admitAttending; }
    public void setAdmitAttending(String admitAttending) { this.admitAttending = admitAttending; }
    public Long getTransferTo() { return transferTo; }
    public void setTransferTo(Long transferTo) { this.transferTo = transferTo; }
    public String getDisposition() { return disposition; }
    public void setDisposition(String disposition) { this.disposition = disposition; }
    public String getDischargeSummary() { return dischargeSummary; }
    public void setDischargeSummary(String dischargeSummary) { this.dischargeSummary = dischargeSummary; }
    public String getBlockNote() { return blockNote; }
    public void setBlockNote(String blockNote) { this.blockNote = blockNote; }
}
