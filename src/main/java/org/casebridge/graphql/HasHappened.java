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
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A moment already past: something recorded as done (a contact, an activity, a report) cannot lie in the future. A
 * client's clock may run up to {@link #CLOCK_SKEW} ahead of the server's, so "now" on a phone is not refused.
 * Refused as {@code VALIDATION_FAILED} naming the field; null passes (say {@code @NotNull} where it is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HasHappened.Check.class)
public @interface HasHappened {

    /** How far ahead of this server a client's "now" may be. */
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    String message() default "must be a moment that has already happened";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean (Quarkus makes constraint validators beans), so "now" comes from the application's clock. */
    class Check implements ConstraintValidator<HasHappened, OffsetDateTime> {
        private final Clock clock;

        @Inject
        public Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || happened(value, clock);
        }

        /** The same rule for a stored moment (a conference's time, before its minutes are recorded). */
        public static boolean happened(OffsetDateTime at, Clock clock) {
            return !at.isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW));
        }
    }
}
