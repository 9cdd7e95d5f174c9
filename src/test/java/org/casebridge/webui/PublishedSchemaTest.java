package org.casebridge.webui;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed SDL is what frontend teams load into their tools, and the web app's documents are what it sends.
 * Both are checked with graphql-java's own SDL parser and validator, not with SmallRye, which produced the file.
 */
class PublishedSchemaTest {

    static final Path SDL = Path.of("src/main/graphql/schema.graphql");
    static final Path WEBUI = Path.of("src/main/webui");
    static final Path OPERATIONS = WEBUI.resolve("js/operations.js");
    private static final Pattern TEMPLATE = Pattern.compile("/\\* GraphQL \\*/ `([^`]*)`");
    private static final Pattern FRAGMENT = Pattern.compile("fragment\\s+(\\w+)\\s+on");
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*(\\w+)");
    private static final Pattern OPERATION = Pattern.compile("\\b(query|mutation|subscription)\\s+(\\w+)");

    static GraphQLSchema schema;

    @BeforeAll
    static void buildSchema() throws IOException {
        schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse(Files.readString(SDL)), RuntimeWiring.MOCKED_WIRING);
    }

    @Test
    void theSdlDeclaresItsCustomScalars() {
        for (String scalar : List.of("Date", "DateTime", "Time")) {
            assertTrue(schema.getType(scalar) != null, scalar + " is not declared in " + SDL);
        }
    }

    @Test
    void everyRootFieldHasADescription() {
        List<GraphQLObjectType> roots = Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()).toList();
        List<String> undescribed = roots.stream()
                .flatMap(root -> root.getFieldDefinitions().stream()
                        .filter(field -> field.getDescription() == null || field.getDescription().isBlank())
                        .map(field -> root.getName() + "." + field.getName()))
                .toList();
        assertEquals(List.of(), undescribed, "root fields without a description in " + SDL);
        assertTrue(roots.stream().mapToInt(r -> r.getFieldDefinitions().size()).sum() > 50, "the roots were read");
    }

    @Test
    void everyOperationOfTheWebAppValidatesAgainstTheSdl() throws IOException {
        Map<String, String> documents = documents();
        assertTrue(documents.size() >= 15, "the app's operations were found: " + documents.keySet());
        documents.forEach((name, document) -> {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                    ExecutionInput.newExecutionInput(document).build());
            assertFalse(result.isFailure(), name + " does not validate against " + SDL + ": " + result.getErrors());
        });
    }

    @Test
    void aDocumentTheSchemaDoesNotHaveFailsTheCheck() {
        String stale = "query Stale { referralsReceived(first: 5) { edges { node { id survivorName } } } }";
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput(stale).build());
        assertTrue(result.isFailure(), "a field that is not in the schema must fail validation");
    }

    @Test
    void theAppSendsNoDocumentOutsideTheOperationsModule() throws IOException {
        try (Stream<Path> files = Files.walk(WEBUI)) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".js") && !p.equals(OPERATIONS))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return TEMPLATE.matcher(text).find() || Pattern.compile("`\\s*(query|mutation|subscription)\\b").matcher(text).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
            assertEquals(List.of(), offending, "GraphQL documents belong in " + OPERATIONS);
        }
    }

    /**
     * The enum values the app offers in its selects ({@code ENUMS} in js/ui.js) are the schema's, all of them: a value
     * added to the schema is offered (a filter by it, a choice of it), and none the schema does not have is sent.
     */
    @Test
    void theAppOffersEveryValueOfTheSchemasEnumsAndNoOther() throws IOException {
        String ui = Files.readString(WEBUI.resolve("js/ui.js"));
        Matcher block = Pattern.compile("export const ENUMS = \\{(.*?)\\n\\};", Pattern.DOTALL).matcher(ui);
        assertTrue(block.find(), "ENUMS in js/ui.js");
        Matcher entry = Pattern.compile("(\\w+): \\[([^\\]]*)\\]").matcher(block.group(1));
        int checked = 0;
        while (entry.find()) {
            var type = schema.getType(entry.group(1));
            assertTrue(type instanceof graphql.schema.GraphQLEnumType, entry.group(1) + " is an enum of " + SDL);
            java.util.Set<String> offered = new java.util.TreeSet<>(Pattern.compile("'(\\w+)'").matcher(entry.group(2)).results()
                    .map(m -> m.group(1)).toList());
            java.util.Set<String> values = new java.util.TreeSet<>(((graphql.schema.GraphQLEnumType) type).getValues().stream()
                    .map(graphql.schema.GraphQLEnumValueDefinition::getName).toList());
            assertEquals(values, offered, "ENUMS." + entry.group(1) + " in js/ui.js");
            checked++;
        }
        assertTrue(checked >= 5, "the app's enums were read: " + checked);
    }

    /** Each operation of the operations module, with the fragments it spreads. */
    static Map<String, String> documents() throws IOException {
        Matcher templates = TEMPLATE.matcher(Files.readString(OPERATIONS));
        Map<String, String> fragments = new LinkedHashMap<>();
        Map<String, String> operations = new LinkedHashMap<>();
        while (templates.find()) {
            String text = templates.group(1);
            Matcher fragment = FRAGMENT.matcher(text);
            Matcher operation = OPERATION.matcher(text);
            if (operation.find()) {
                operations.put(operation.group(2), text);
            } else if (fragment.find()) {
                fragments.put(fragment.group(1), text);
            }
        }
        Map<String, String> documents = new LinkedHashMap<>();
        operations.forEach((name, text) -> {
            StringBuilder document = new StringBuilder(text);
            Matcher spread = SPREAD.matcher(text);
            java.util.Set<String> added = new java.util.HashSet<>();
            while (spread.find()) {
                String fragment = spread.group(1);
                if (fragments.containsKey(fragment) && added.add(fragment)) {
                    document.append('\n').append(fragments.get(fragment));
                }
            }
            documents.put(name, document.toString());
        });
        return documents;
    }
}
