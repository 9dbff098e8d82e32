package org.asclepius.hms.web.shared;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.time.Instant;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Shows an {@link Instant} in the hospital's zone (registered for the type in faces-config.xml, so every
 * {@code h:outputText} of an Instant uses it). Display only.
 */
public class InstantConverter implements Converter<Instant> {
    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("times are shown, not entered, here");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : TimeFormat.forUsers(value);
    }
}
