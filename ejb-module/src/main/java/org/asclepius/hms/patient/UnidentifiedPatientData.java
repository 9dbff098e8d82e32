package org.asclepius.hms.patient;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/**
 * What the emergency department knows of a patient who cannot be identified yet: sex as seen (or unknown)
 * and an estimated age. The record is merged into the real identity once it is known.
 */
public class UnidentifiedPatientData implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotNull(message = "choose the sex (Unknown if it cannot be told)")
    private Sex sex;
    @NotNull(message = "enter the estimated age in years")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 120, message = "must be 120 or less")
    private Integer estimatedAge;

    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public Integer getEstimatedAge() { return estimatedAge; }
    public void setEstimatedAge(Integer estimatedAge) { this.estimatedAge = estimatedAge; }
}
