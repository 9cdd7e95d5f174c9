package org.casebridge.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Set;

/**
 * Validation at the service boundary: the first violated constraint of an input becomes a
 * {@code VALIDATION_FAILED} error naming the field as the client wrote it ({@code input.name}).
 */
@ApplicationScoped
public class InputValidation {

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T input) {
        if (input == null) {
            throw ApiException.invalid("input", "input is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw ApiException.invalid("input." + v.getPropertyPath(), v.getPropertyPath() + " " + v.getMessage());
                });
        return input;
    }
}
