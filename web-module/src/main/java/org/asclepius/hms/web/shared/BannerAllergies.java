package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import org.asclepius.hms.clinical.allergies.AllergyBanner;
import org.asclepius.hms.clinical.allergies.AllergyService;

/**
 * The allergies the patient banner shows the person looking at it (see {@link AllergyService#banner}): read once
 * per request and patient, however often the page asks.
 */
@Named("bannerAllergies")
@RequestScoped
public class BannerAllergies {
    @Inject
    AllergyService allergies;

    private final Map<Long, AllergyBanner> read = new HashMap<>();

    public AllergyBanner of(long patientId) {
        return read.computeIfAbsent(patientId, allergies::banner);
    }

    /** The banner item's style for the state: allergies in red, none known, not recorded (a warning), hidden. */
    public String styleOf(long patientId) {
        return switch (of(patientId).state()) {
            case ALLERGIES -> "hms-allergies-present";
            case NONE_KNOWN -> "hms-allergies-none";
            case NOT_RECORDED -> "hms-allergies-unknown";
            case HIDDEN -> "hms-allergies-hidden";
        };
    }
}
