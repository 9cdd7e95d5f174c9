package org.casebridge.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.smallrye.graphql.execution.ExecutionResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response SmallRye writes from the result seen as JSON is, to the byte, the one it writes from graphql-java's. */
class ResultJsonTest {

    @Test
    void smallRyeWritesTheSameResponseFromTheViewAsFromTheResult() throws Exception {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "UmVmZXJyYWw6MQ==");
        item.put("note", "needs an interpreter — \"Arabic\"\n\ttwice");
        item.put("withdrawnAt", null);
        item.put("urgent", true);
        item.put("late", false);
        item.put("count", 42);
        item.put("total", 9_000_000_000L);
        item.put("share", 0.25);
        item.put("ratio", 1.5f);
        item.put("exact", new BigDecimal("12.50"));
        item.put("day", DayOfWeek.MONDAY);
        item.put("needs", new ArrayList<>(Arrays.asList("SHELTER", null, "LEGAL_AID")));
        item.put("tags", new LinkedHashSet<>(List.of("a", "b")));
        item.put("empty", Map.of());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalCount", 2);
        page.put("edges", List.of(Map.of("node", item), Map.of("node", Map.of("id", "x"))));
        Map<String, Object> data = Map.of("referralsReceived", page);
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data)
                .addError(GraphqlErrorBuilder.newError().message("CONSENT_REQUIRED at note").build())
                .addExtension("cost", 12).build();

        ExecutionResult asJson = new ResultJson().instrumentExecutionResult(result, null, null).get();

        assertTrue(asJson.getData() instanceof JsonObject);
        assertEquals(new ExecutionResponse(result).getExecutionResultAsString(),
                new ExecutionResponse(asJson).getExecutionResultAsString());
        assertEquals(result.getErrors(), asJson.getErrors());
        assertEquals(result.getExtensions(), asJson.getExtensions());
    }

    @Test
    void theStartupSelfCheckHoldsOnThisSmallRye() {
        assertEquals(null, ResultJson.selfCheck());
    }

    /** What SmallRye 3 does (Jackson, reading every value into its own nodes), or exclude-null-fields does (a copy). */
    @Test
    void theSelfCheckFailsForAWriterThatCopiesTheDataOrWritesOtherText() {
        String copies = ResultJson.selfCheck(result -> {
            ((Map<?, ?>) result.getData()).forEach((name, value) -> { });
            ExecutionResponse response = new ExecutionResponse(result);
            return response::getExecutionResultAsString;
        });
        assertTrue(copies != null && copies.contains("copies"), copies);

        String differs = ResultJson.selfCheck(result -> result.getData() instanceof JsonObject ? () -> "{}"
                : () -> new ExecutionResponse(result).getExecutionResultAsString());
        assertTrue(differs != null && differs.contains("differently"), differs);
    }

    @Test
    void theViewReadsLikeJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "St Luke");
        fields.put("beds", 12);
        fields.put("open", true);
        fields.put("closedOn", null);
        fields.put("services", List.of(Map.of("type", "CLINIC")));
        JsonObject object = (JsonObject) ResultJson.of(fields);

        assertEquals("St Luke", object.getString("name"));
        assertEquals(12, object.getInt("beds"));
        assertTrue(object.getBoolean("open"));
        assertTrue(object.isNull("closedOn"));
        assertFalse(object.containsKey("missing"));
        assertEquals("fallback", object.getString("missing", "fallback"));
        JsonArray services = object.getJsonArray("services");
        assertEquals("CLINIC", services.getJsonObject(0).getString("type"));
        assertEquals("{\"name\":\"St Luke\",\"beds\":12,\"open\":true,\"closedOn\":null,\"services\":[{\"type\":\"CLINIC\"}]}",
                object.toString());
        assertTrue(object.getBoolean("missing", true));
        assertEquals(7, object.getInt("name", 7));
        JsonArray flags = (JsonArray) ResultJson.of(Arrays.asList(true, "x", null));
        assertTrue(flags.getBoolean(0));
        assertFalse(flags.getBoolean(1, false));
        assertEquals("x", flags.getString(1));
        assertEquals("none", flags.getString(3, "none"));
        assertTrue(flags.isNull(2));
        assertSame(JsonValue.NULL, ResultJson.of(null));
    }

    @Test
    void aSubscriptionsPublisherIsLeftAlone() throws Exception {
        Object publisher = new Object();
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(publisher).build();
        assertSame(result, new ResultJson().instrumentExecutionResult(result, null, null).get());
    }
}
