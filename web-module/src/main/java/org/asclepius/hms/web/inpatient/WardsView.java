package org.asclepius.hms.web.inpatient;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedRecord;
import org.asclepius.hms.inpatient.BedService;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.inpatient.WardData;
import org.asclepius.hms.inpatient.WardRecord;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.PrimeFaces;

/**
 * /admin/wards.xhtml (admin): the wards (code, name, department, who they take, open or closed) and, for the
 * ward chosen, its rooms and beds: add, change the room, label or kind, remove a bed entered by mistake (never
 * used), block one with a reason and unblock it, release one that was cleaned.
 */
@Named
@ViewScoped
public class WardsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "wardsForm";
    static final String BLOCK_FORM = "blockForm";

    @Inject
    BedService beds;

    private List<WardRecord> wards = List.of();
    private WardData ward;
    private Long wardId;
    private long wardVersion;

    /** The ward whose beds are shown (null: none yet). */
    private WardRecord selected;
    private List<BedRecord> bedList = List.of();
    private Long bedId;
    private long bedVersion;
    private String bedRoom;
    private String bedLabel;
    private BedKind bedKind = BedKind.GENERAL;

    private BedRecord blocking;
    private String blockNote;

    @PostConstruct
    void init() {
        reload();
        newWard();
    }

    void reload() {
        wards = beds.wards();
        if (selected != null) {
            selected = wards.stream().filter(w -> w.id() == selected.id()).findFirst().orElse(null);
            bedList = selected == null ? List.of() : beds.beds(selected.id());
        }
    }

    // ---- wards ----

    public void newWard() {
        wardId = null;
        ward = WardData.of(null, null, null);
    }

    public void editWard(WardRecord w) {
        wardId = w.id();
        wardVersion = w.version();
        ward = WardData.of(w);
    }

    public void saveWard() {
        boolean saved = BedUi.attempt(BedUi.WARD_FORM, FORM, () -> {
            long id = wardId == null ? beds.createWard(ward) : beds.updateWard(wardId, wardVersion, ward).id();
            reload();
            WardRecord now = beds.ward(id);
            Pages.message(FacesMessage.SEVERITY_INFO, "Ward " + now.code() + (wardId == null ? " added." : " saved."));
            editWard(now);
            showBeds(now);
        });
        if (!saved) {
            reload();
        }
    }

    public boolean isEditingWard() {
        return wardId != null;
    }

    // ---- beds of the chosen ward ----

    public void showBeds(WardRecord w) {
        selected = w;
        bedList = beds.beds(w.id());
        newBed();
    }

    public void newBed() {
        bedId = null;
        bedLabel = null;
        bedKind = BedKind.GENERAL;
        // the room of the last bed: the next bed usually goes beside it
        bedRoom = bedList.isEmpty() ? null : bedList.get(bedList.size() - 1).room();
    }

    public void editBed(BedRecord b) {
        bedId = b.id();
        bedVersion = b.version();
        bedRoom = b.room();
        bedLabel = b.label();
        bedKind = b.kind();
    }

    public void saveBed() {
        if (selected == null) {
            return;
        }
        boolean added = bedId == null;
        boolean saved = BedUi.attempt(BedUi.BED_FORM, FORM, () -> {
            BedRecord b = added ? beds.addBed(selected.id(), bedRoom, bedLabel, bedKind)
                    : beds.updateBed(bedId, bedVersion, bedRoom, bedLabel, bedKind);
            Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + b.ward() + " " + b.room() + "-" + b.label()
                    + (added ? " added." : " saved."));
        });
        if (saved) {
            reload();
            if (added) {
                String room = bedRoom;
                newBed();
                bedRoom = room;
            } else {
                newBed();
            }
        }
    }

    public boolean isEditingBed() {
        return bedId != null;
    }

    public void removeBed(BedRecord b) {
        if (BedUi.attempt(BedUi.BED_FORM, FORM, () -> beds.removeBed(b.id()))) {
            Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + b.room() + "-" + b.label() + " removed.");
        }
        reload();
        newBed();
    }

    public void startBlock(BedRecord b) {
        blocking = b;
        blockNote = null;
    }

    public void confirmBlock() {
        if (blocking != null && BedUi.attempt(BedUi.BLOCK_FORM, BLOCK_FORM, () -> beds.block(blocking.id(), blockNote))) {
            Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + blocking.room() + "-" + blocking.label() + " blocked.");
            blocking = null;
            PrimeFaces.current().executeScript("PF('blockDialog').hide()");
        }
        reload();
    }

    /** Unblocks a blocked bed or releases a cleaned one: it is free again. */
    public void release(BedRecord b) {
        if (BedUi.attempt(BedUi.BED_FORM, FORM, () -> beds.release(b.id()))) {
            Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + b.room() + "-" + b.label() + " is free.");
        }
        reload();
    }

    public boolean canBlock(BedRecord b) {
        return b.status() == BedStatus.FREE || b.status() == BedStatus.NEEDS_CLEANING;
    }

    public boolean canRelease(BedRecord b) {
        return b.status() == BedStatus.NEEDS_CLEANING || b.status() == BedStatus.BLOCKED;
    }

    public boolean canRemove(BedRecord b) {
        return b.status() != BedStatus.OCCUPIED && b.status() != BedStatus.RESERVED;
    }

    public String statusLabel(BedStatus s) {
        return BedUi.label(s);
    }

    public String kindLabel(BedKind k) {
        return BedUi.label(k);
    }

    public BedKind[] getKinds() {
        return BedKind.values();
    }

    public Sex[] getSexRules() {
        return new Sex[] {Sex.FEMALE, Sex.MALE};
    }

    public List<WardRecord> getWards() { return wards; }
    public WardData getWard() { return ward; }
    public WardRecord getSelected() { return selected; }
    public List<BedRecord> getBedList() { return bedList; }
    public String getBedRoom() { return bedRoom; }
    public void setBedRoom(String bedRoom) { this.bedRoom = bedRoom; }
    public String getBedLabel() { return bedLabel; }
    public void setBedLabel(String bedLabel) { this.bedLabel = bedLabel; }
    public BedKind getBedKind() { return bedKind; }
    public void setBedKind(BedKind bedKind) { this.bedKind = bedKind; }
    public BedRecord getBlocking() { return blocking; }
    public String getBlockNote() { return blockNote; }
    public void setBlockNote(String blockNote) { this.blockNote = blockNote; }
}
