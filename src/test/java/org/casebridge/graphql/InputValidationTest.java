package org.casebridge.graphql;

import jakarta.validation.Validation;
import org.casebridge.agency.ServiceInputs.CreateServiceInput;
import org.casebridge.agency.ServiceType;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A null item of a list, at any depth of an input, is refused by the service-boundary check naming the item, however
 * the input arrived: the schema refuses it first for GraphQL requests ({@code [String!]}), this holds for every other way.
 */
class InputValidationTest {

    final InputValidation validation = new InputValidation(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    record Item(String note, Set<ServiceType> needs) {
    }

    record Nested(List<Item> items) {
    }

    @Test
    void aNullAmongTheLanguagesIsRefusedNamingTheItem() {
        CreateServiceInput input = new CreateServiceInput(null, ServiceType.OTHER, "Antenatal care", null, null,
                Arrays.asList("Hausa", null), null, null, null);
        ApiException refused = assertThrows(ApiException.class, () -> validation.check(input));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
        assertEquals("input.languages[1]", refused.field());
        assertTrue(refused.getMessage().startsWith("languages[1] must not be null"), refused.getMessage());
    }

    @Test
    void aNullItemIsFoundInListsOfRecordsAndInSets() {
        ApiException item = assertThrows(ApiException.class, () -> validation.check(new Nested(Arrays.asList(
                new Item("fine", Set.of(ServiceType.HEALTH)), null))));
        assertEquals("input.items[1]", item.field());
        java.util.Set<ServiceType> needs = new java.util.HashSet<>(Arrays.asList(ServiceType.HEALTH, null));
        ApiException need = assertThrows(ApiException.class, () -> validation.check(new Nested(List.of(new Item("fine", needs)))));
        assertTrue(need.field().startsWith("input.items[0].needs["), need.field());
    }

    @Test
    void listsWithoutNullsAndLeftOutListsPass() {
        CreateServiceInput input = new CreateServiceInput(null, ServiceType.OTHER, "Antenatal care", null, null,
                List.of("Hausa", "English"), null, null, null);
        assertSame(input, validation.check(input));
        CreateServiceInput without = new CreateServiceInput(null, ServiceType.OTHER, "Antenatal care", null, null, null, null, null, null);
        assertSame(without, validation.check(without));
    }
}
