package org.casebridge.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation at the service boundary: the first violated constraint of an input becomes a
 * {@code VALIDATION_FAILED} error naming the field as the client wrote it ({@code input.name}). Every text of an
 * input is also refused when it holds control characters (other than tab and line breaks), unpaired surrogates,
 * or the invisible characters that reorder or hide text on screen: PostgreSQL cannot store some of them, and the
 * others make a name or a note read differently from what is stored. A list holds no null item: a null among the
 * languages of a service or the needs of a case means nothing, and stored it broke every page that showed it (the
 * schema declares such items non-null too; this holds for every input however it arrives).
 */
@ApplicationScoped
public class InputValidation {

    static final Pattern UNSAFE_TEXT = Pattern.compile(
            "[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}|[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFF]");

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T input) {
        if (input == null) {
            throw ApiException.invalid("input", "input is required");
        }
        checkText(input, "input");
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw ApiException.invalid("input." + v.getPropertyPath(), v.getPropertyPath() + " " + v.getMessage());
                });
        return input;
    }

    private static void checkText(Object value, String path) {
        if (value instanceof String text) {
            if (UNSAFE_TEXT.matcher(text).find()) {
                throw ApiException.invalid(path, "Text must not contain control or invisible formatting characters");
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                String at = path + "[" + i++ + "]";
                if (item == null) {
                    throw ApiException.invalid(at, at.substring(at.indexOf('.') + 1) + " must not be null: a list holds no empty items");
                }
                checkText(item, at);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    checkText(component.getAccessor().invoke(value), path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
