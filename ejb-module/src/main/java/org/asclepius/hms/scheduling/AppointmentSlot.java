package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A slot held by an active appointment, in one lane (unique per slot in the database). */
@Entity
@Table(name = "appointment_slot")
@IdClass(AppointmentSlot.Key.class)
public class AppointmentSlot {
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id")
    private Appointment appointment;
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id")
    private Slot slot;
    @Column(name = "lane", nullable = false)
    private int lane;

    protected AppointmentSlot() {
    }

    public AppointmentSlot(Appointment appointment, Slot slot, int lane) {
        this.appointment = appointment;
        this.slot = slot;
        this.lane = lane;
    }

    public Appointment getAppointment() { return appointment; }
    public Slot getSlot() { return slot; }
    public int getLane() { return lane; }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long appointment;
        private Long slot;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(appointment, k.appointment) && Objects.equals(slot, k.slot);
        }

        @Override
        public int hashCode() {
            return Objects.hash(appointment, slot);
        }
    }
}
