package org.casebridge.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.casebridge.support.GraphQLClient;
import org.casebridge.support.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one switch, {@code casebridge.graphql.fast-paths}, as this run has it (CI runs the suite once each way): on, the
 * fast fetchers and the fast chain serve requests; off, only SmallRye's, Quarkus's and graphql-java's own fetchers and
 * graphql-java's own chain do, and the requests are still answered.
 */
@QuarkusTest
class FastPathsTest {

    private static final Logger LOG = Logger.getLogger(FastPathsTest.class);

    @Inject
    GraphQLSchema schema;

    @Test
    void theSwitchDecidesWhatServesRequests() {
        boolean on = ConfigProvider.getConfig().getValue(FastPaths.SWITCH, Boolean.class);
        assertEquals(Boolean.parseBoolean(System.getProperty(FastPaths.SWITCH, "true")), on,
                "the test JVM's -D" + FastPaths.SWITCH + " reaches the application");

        // plain properties, dates, a consent-gated source field, a batched field: the request is answered either way
        JsonPath answer = GraphQLClient.call(Tokens.of("pr.stluke"),
                "{ referralsReceived(first: 5) { totalCount edges { node { id status note requestedAt history { toStatus } } } } }");
        assertTrue(answer.getInt("data.referralsReceived.totalCount") > 0, answer::prettify);
        LOG.infof("%s=%s; fast paths: %s", FastPaths.SWITCH, on, FastPaths.status());

        List<String> ours = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), field);
                if (fetcher.getClass().getName().startsWith("org.casebridge.")) {
                    ours.add(type.getName() + "." + field.getName() + " " + fetcher.getClass().getSimpleName());
                }
            }
        }
        Instrumentation chain = InstrumentationInstaller.installed;
        List<Instrumentation> members = ((ChainedInstrumentation) chain).getInstrumentations();
        Map<String, Boolean> status = FastPaths.status();
        if (on) {
            assertTrue(ours.contains("Referral.note SourceFieldFetcher"), ours::toString);
            assertTrue(ours.contains("Referral.status PlainFieldFetcher"), ours::toString);
            assertInstanceOf(InstrumentationInstaller.FieldHooksWhereUsed.class, chain);
            assertTrue(members.stream().anyMatch(SmallRyeWithoutSelection.class::isInstance), members::toString);
            assertTrue(members.get(members.size() - 1) instanceof ResultJson, members::toString);
            assertFalse(status.containsValue(false), "every fast path passed its startup self-check: " + status);
        } else {
            assertEquals(List.of(), ours, "with the switch off SmallRye's own fetchers serve every field");
            assertSame(ChainedInstrumentation.class, chain.getClass(), "graphql-java's own chain");
            assertTrue(members.stream().noneMatch(m -> m instanceof SmallRyeWithoutSelection || m instanceof ResultJson),
                    members::toString);
            assertFalse(status.containsValue(true), "no fast path is in use: " + status);
        }
        assertTrue(status.keySet().containsAll(List.of(PlainFieldFetchers.PROPERTIES, PlainFieldFetchers.SOURCE_METHODS,
                SmallRyeWithoutSelection.NAME, ResultJson.NAME, InstrumentationInstaller.FIELD_HOOKS,
                DefaultFieldVisibility.NAME)), status::toString);
    }
}
