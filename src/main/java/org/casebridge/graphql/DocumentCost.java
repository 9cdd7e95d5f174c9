package org.casebridge.graphql;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a parsed document costs before graphql-java validates it, counted in one walk that stops at the first limit
 * passed: validation is quadratic in the fields of a selection set (overlapping fields), so a document of 10,000
 * {@code __typename} took 635 ms to validate and run although it is under the token limit, and the complexity limit
 * (graphql-java's, after validation) counts neither {@code __typename} nor aliases.
 *
 * <p>Counted as the document would execute, fragments expanded at every spread (a cycle is not followed, validation
 * refuses it), plus fragments no operation uses, once each:
 * <ul>
 * <li>selections: every field, {@code __typename} and repeated fields included, every alias, every fragment spread and
 * inline fragment;</li>
 * <li>aliases;</li>
 * <li>directives, arguments of a field and variable definitions of an operation, and definitions in the document.</li>
 * </ul>
 * The walk itself is bounded by the limits: it ends as soon as one is passed, whatever the fragments multiply to.
 */
final class DocumentCost {

    record Limits(int selections, int aliases, int directives, int arguments, int variables, int definitions) {
    }

    /** A limit passed: what the client is told. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final Limits limits;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Set<String> reached = new HashSet<>();
    private final Set<String> expanding = new HashSet<>();
    private int selections;
    private int aliases;
    private int directives;

    private DocumentCost(Limits limits) {
        this.limits = limits;
    }

    /** The document's selections (its cost, which the rate limits charge); throws {@link Exceeded} naming the first limit passed. */
    static int check(Document document, Limits limits) {
        DocumentCost cost = new DocumentCost(limits);
        cost.walk(document);
        return cost.selections;
    }

    private void walk(Document document) {
        if (document.getDefinitions().size() > limits.definitions()) {
            throw new Exceeded("The document has more than " + limits.definitions() + " definitions");
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                if (operation.getVariableDefinitions().size() > limits.variables()) {
                    throw new Exceeded("An operation declares more than " + limits.variables() + " variables");
                }
                directives(operation.getDirectives().size());
                selectionSet(operation.getSelectionSet());
            }
        }
        for (FragmentDefinition fragment : fragments.values()) {
            if (!reached.contains(fragment.getName())) {
                fragment(fragment);
            }
        }
    }

    private void fragment(FragmentDefinition fragment) {
        reached.add(fragment.getName());
        if (expanding.add(fragment.getName())) {
            directives(fragment.getDirectives().size());
            selectionSet(fragment.getSelectionSet());
            expanding.remove(fragment.getName());
        }
    }

    private void selectionSet(SelectionSet set) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (++selections > limits.selections()) {
                throw new Exceeded("The document selects more than " + limits.selections()
                        + " fields (every alias, __typename, repeated field and fragment counts, fragments at every use)");
            }
            if (selection instanceof Field field) {
                if (field.getAlias() != null && ++aliases > limits.aliases()) {
                    throw new Exceeded("The document has more than " + limits.aliases() + " aliases");
                }
                if (field.getArguments().size() > limits.arguments()) {
                    throw new Exceeded("A field has more than " + limits.arguments() + " arguments");
                }
                directives(field.getDirectives().size());
                selectionSet(field.getSelectionSet());
            } else if (selection instanceof FragmentSpread spread) {
                directives(spread.getDirectives().size());
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    fragment(fragment);
                }
            } else if (selection instanceof InlineFragment inline) {
                directives(inline.getDirectives().size());
                selectionSet(inline.getSelectionSet());
            }
        }
    }

    private void directives(int count) {
        directives += count;
        if (directives > limits.directives()) {
            throw new Exceeded("The document has more than " + limits.directives() + " directives");
        }
    }
}
