package org.casebridge.graphql;

import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.casebridge.graphql.InstrumentationInstaller.FieldHooksWhereUsed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The chain skips a field hook only when no member overrides it; a member that does is still called. */
class FieldHooksWhereUsedTest {

    private static final Instrumentation REQUEST_LEVEL_ONLY = new SimplePerformantInstrumentation();

    @Test
    void aFieldHookNoMemberOverridesIsSkipped() throws Exception {
        FieldHooksWhereUsed chain = new FieldHooksWhereUsed(List.of(REQUEST_LEVEL_ONLY, new Instrumentation() {
        }));
        InstrumentationState state = chain.createStateAsync(null).get();
        assertNull(chain.beginFieldFetching(null, state));
        assertNull(chain.beginFieldCompletion(null, state));
        assertNull(chain.beginFieldExecution(null, state));
    }

    @Test
    void aFieldHookOneMemberOverridesReachesIt() throws Exception {
        List<String> called = new ArrayList<>();
        Instrumentation fetchWatcher = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
                return new InstrumentationState() {
                };
            }

            @Override
            public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                          InstrumentationState state) {
                called.add("fetching");
                return FieldFetchingInstrumentationContext.NOOP;
            }

            @Override
            public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                           InstrumentationState state) {
                called.add("listCompletion");
                return null;
            }
        };
        FieldHooksWhereUsed chain = new FieldHooksWhereUsed(List.of(REQUEST_LEVEL_ONLY, fetchWatcher));
        InstrumentationState state = chain.createStateAsync(null).get();
        assertNotNull(chain.beginFieldFetching(null, state));
        chain.beginFieldListCompletion(null, state);
        assertNull(chain.beginFieldCompletion(null, state));
        assertEquals(List.of("fetching", "listCompletion"), called);
    }

    @Test
    void onlyTheMembersThatWrapFetchersWrapThemEachWithItsOwnState() throws Exception {
        class Named implements InstrumentationState {
            final String name;

            Named(String name) {
                this.name = name;
            }
        }
        class Wrapping extends SimplePerformantInstrumentation {
            final String name;

            Wrapping(String name) {
                this.name = name;
            }

            @Override
            public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
                return new Named(name);
            }

            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                        InstrumentationState state) {
                return environment -> fetcher.get(environment) + " " + ((Named) state).name;
            }
        }
        FieldHooksWhereUsed chain = new FieldHooksWhereUsed(List.of(new Wrapping("first"), REQUEST_LEVEL_ONLY,
                new Wrapping("third")));
        InstrumentationState state = chain.createStateAsync(null).get();
        DataFetcher<?> fetcher = environment -> "value";
        assertEquals("value first third", chain.instrumentDataFetcher(fetcher, null, state).get(null));

        FieldHooksWhereUsed nobodyWraps = new FieldHooksWhereUsed(List.of(REQUEST_LEVEL_ONLY, new Instrumentation() {
        }));
        assertSame(fetcher, nobodyWraps.instrumentDataFetcher(fetcher, null, nobodyWraps.createStateAsync(null).get()));
    }
}
