package org.casebridge.graphql;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date (or date and time) within a window around today, so that a typing slip — a follow-up in 1900, a birth in
 * the future — is refused as {@code VALIDATION_FAILED} naming the field instead of being stored.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Check.class)
public @interface PlausibleDate {

    /** How many years back from today are still plausible. */
    int yearsBack() default 5;

    /** How many years ahead of today are still plausible. */
    int yearsAhead() default 1;

    String message() default "must be a date between {yearsBack} years ago and {yearsAhead} years from now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean (Quarkus makes constraint validators beans), so "today" comes from the application's clock. */
    class Check implements ConstraintValidator<PlausibleDate, Object> {
        private final Clock clock;
        private int back;
        private int ahead;

        @Inject
        public Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(PlausibleDate annotation) {
            back = annotation.yearsBack();
            ahead = annotation.yearsAhead();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            LocalDate date = value instanceof LocalDate d ? d
                    : value instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : null;
            if (date == null) {
                return true;
            }
            LocalDate today = LocalDate.now(clock);
            return !date.isBefore(today.minusYears(back)) && !date.isAfter(today.plusYears(ahead));
        }
    }
}
