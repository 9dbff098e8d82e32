package org.asclepius.hms.patient;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An identifier as typed on a form or sent through the API; its value must follow its type's rule. */
@IdentifierEntry.FollowsTypeRule
public class IdentifierEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    @NotNull(message = "choose the identifier type")
    private IdentifierType type;
    @NotBlank(message = "enter the identifier")
    @Size(max = 40)
    private String value;

    public IdentifierEntry() {
    }

    public IdentifierEntry(IdentifierType type, String value) {
        this.type = type;
        this.value = value;
    }

    public IdentifierType getType() { return type; }
    public void setType(IdentifierType type) { this.type = type; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = RuleValidator.class)
    public @interface FollowsTypeRule {
        String message() default "does not follow the rule of its type";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    public static class RuleValidator implements ConstraintValidator<FollowsTypeRule, IdentifierEntry> {
        @Override
        public boolean isValid(IdentifierEntry entry, ConstraintValidatorContext context) {
            if (entry == null || entry.type == null || entry.value == null || entry.value.isBlank()
                    || entry.type.isValid(entry.value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(entry.type.getLabel() + " must be " + entry.type.getRule())
                    .addPropertyNode("value").addConstraintViolation();
            return false;
        }
    }
}
