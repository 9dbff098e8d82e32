package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * A change to one record of the chart that needs a reason — stop a medication, cancel an order, mark an entry
 * entered in error: the record chosen and the reason typed, the same way in every tab. {@link #confirm} makes the
 * change: done, its message and the prompt closes; a bad reason, the message beside the reason field and the prompt
 * stays; any other refusal (changed meanwhile, already done), its message and the prompt closes.
 */
final class ReasonPrompt<T extends Serializable> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String form;
    private final String reasonField;
    private T target;
    private String reason;

    ReasonPrompt(String form, String reasonField) {
        this.form = form;
        this.reasonField = reasonField;
    }

    void open(T record) {
        target = record;
        reason = null;
    }

    void close() {
        target = null;
    }

    /** @return true when the record changed or was refused for good (the tab reads its list again) */
    <R> boolean confirm(BiFunction<T, String, R> change, Function<R, String> done) {
        if (target == null) {
            return false;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            R changed = change.apply(target, reason);
            Pages.message(FacesMessage.SEVERITY_INFO, done.apply(changed));
            target = null;
            return true;
        } catch (InvalidInputException e) {
            new FieldMessages.Builder().field("reason", reasonField, "Reason").build().show(context, form, e);
            return false;
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            target = null;
            return true;
        }
    }

    T target() {
        return target;
    }

    String reason() {
        return reason;
    }

    void reason(String text) {
        this.reason = text;
    }
}
