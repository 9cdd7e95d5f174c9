package org.casebridge.insight;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorTranslation;
import org.casebridge.graphql.ExecutionAdmission;
import org.casebridge.insight.InsightTypes.CaseManagementIndicators;
import org.casebridge.insight.InsightTypes.ServiceTypeIndicators;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state leads' aggregates for spreadsheet users: {@code GET /aggregates/{table}.csv?period=2026-10&state=} (a
 * closed month {@code YYYY-MM}, quarter {@code YYYY-Qn} or year {@code YYYY}) with the
 * same bearer token, the same access rule and the same disclosure control as the GraphQL queries: each table is
 * the answer of one GraphQL field ({@link #TABLES}). A suppressed count, rate or median is written as {@value #SUPPRESSED}.
 */
@Path("/aggregates")
public class AggregateCsv {

    static final String SUPPRESSED = "suppressed";

    private final InsightService insight;
    private final ExecutionAdmission admission;

    public AggregateCsv(InsightService insight, ExecutionAdmission admission) {
        this.insight = insight;
        this.admission = admission;
    }

    /**
     * A table of the CSV: its name in the URL, how it is read, and the GraphQL fields whose answer it writes (paths
     * from the query root; {@code AggregateCsvTest} compares the CSV with each of them cell by cell, and checks that
     * every table a state lead can ask in GraphQL is one of them).
     */
    record Table(String name, BiFunction<InsightService, Period, Sheet> read, List<String> fields) {
        static Table counts(String name, BiFunction<InsightService, Period, AggregateTable> read, String... fields) {
            return new Table(name, (insight, p) -> {
                AggregateTable t = read.apply(insight, p);
                return new Sheet(t.state(), t.period(), lines(t));
            }, List.of(fields));
        }
    }

    /** What a table writes: its state and period (for the file name) and its lines of cells. */
    record Sheet(String state, ReportingPeriod.View period, List<List<String>> lines) {
    }

    record Period(String state, ReportingPeriod period) {
    }

    /** Every table of the CSV, in the order the 404 lists them. */
    static final List<Table> TABLES = List.of(
            Table.counts("needs", (i, p) -> i.needsAssessment(p.state, p.period).needs(), "needsAssessment.needs"),
            Table.counts("sessions", (i, p) -> i.needsAssessment(p.state, p.period).sessions(), "needsAssessment.sessions"),
            Table.counts("participants", (i, p) -> i.needsAssessment(p.state, p.period).participants(), "needsAssessment.participants"),
            Table.counts("follow-up-requests", (i, p) -> i.needsAssessment(p.state, p.period).followUpRequests(),
                    "needsAssessment.followUpRequests"),
            Table.counts("theme-mentions", (i, p) -> i.needsAssessment(p.state, p.period).themeMentions(), "needsAssessment.themeMentions"),
            Table.counts("referral-requests", (i, p) -> i.caseManagementIndicators(p.state, p.period).referralRequests(),
                    "caseManagementIndicators.referralRequests"),
            Table.counts("referrals", (i, p) -> i.caseManagementIndicators(p.state, p.period).referrals(),
                    "caseManagementIndicators.referrals"),
            new Table("acceptance", (i, p) -> {
                CaseManagementIndicators cm = i.caseManagementIndicators(p.state, p.period);
                return new Sheet(cm.state(), cm.period(), lines(ServiceTypeIndicators.class, cm.byServiceType()));
            }, List.of("caseManagementIndicators.byServiceType")),
            Table.counts("follow-up-timeliness", (i, p) -> i.caseManagementIndicators(p.state, p.period).followUpTimeliness(),
                    "caseManagementIndicators.followUpTimeliness"),
            Table.counts("closure-reasons", (i, p) -> i.caseManagementIndicators(p.state, p.period).closureReasons(),
                    "caseManagementIndicators.closureReasons"),
            Table.counts("feedback-satisfaction", (i, p) -> i.feedbackSatisfaction(p.state, p.period),
                    "caseManagementIndicators.feedbackSatisfaction"),
            Table.counts("supervision-ratings", (i, p) -> i.supervisionRatings(p.state, p.period),
                    "supervisionRatings", "caseManagementIndicators.supervisionRatings"));

    private static final Map<String, Table> BY_NAME = TABLES.stream().collect(Collectors.toMap(Table::name, t -> t));

    @GET
    @Path("/{table}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("table") String name, @QueryParam("state") String state, @QueryParam("period") String period) {
        Table table = BY_NAME.get(name);
        if (table == null) {
            throw ApiException.notFound("Table " + name + " (one of " + String.join(", ", TABLES.stream().map(Table::name).toList()) + ")");
        }
        if (period == null) {
            throw ApiException.invalid("period", "period is required: a closed month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)");
        }
        Period asked = new Period(state, ReportingPeriod.parse(period, "period"));
        // inside the circuit and the request's deadline, like a GraphQL root field (README "Bad days")
        Sheet sheet = admission.outsideGraphQL(() -> table.read().apply(insight, asked));
        return Response.ok(write(sheet.lines())).header("Content-Disposition", "attachment; filename=\"" + name + "-"
                + sheet.state().replaceAll("\\W", "") + "-" + sheet.period().label() + ".csv\"").build();
    }

    /** A table of counts: a header of its row dimension, columns and TOTAL, its rows with their totals, then the column totals. */
    static List<List<String>> lines(AggregateTable t) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(Stream.concat(Stream.of(t.rowDimension()), Stream.concat(t.columns().stream(), Stream.of("TOTAL"))).toList());
        t.rows().forEach(r -> lines.add(Stream.concat(Stream.of(r.key()), Stream.concat(r.cells().stream(), Stream.of(r.total()))
                .map(AggregateCsv::value)).toList()));
        lines.add(Stream.concat(Stream.of("TOTAL"), Stream.concat(t.columnTotals().stream(), Stream.of(t.grandTotal()))
                .map(AggregateCsv::value)).toList());
        return lines;
    }

    /**
     * A list of records, one line each: a header of the GraphQL field names (the record's components but its
     * {@code suppressed} flag), and each value as GraphQL answers it, a value withheld (null) written {@value #SUPPRESSED}.
     */
    static <R extends Record> List<List<String>> lines(Class<R> type, List<R> rows) {
        List<RecordComponent> columns = Stream.of(type.getRecordComponents()).filter(c -> !c.getName().equals("suppressed")).toList();
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(RecordComponent::getName).toList());
        for (R row : rows) {
            lines.add(columns.stream().map(c -> {
                try {
                    Object value = c.getAccessor().invoke(row);
                    return value == null ? SUPPRESSED : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).toList());
        }
        return lines;
    }

    static String write(List<List<String>> lines) {
        return lines.stream().map(l -> l.stream().map(AggregateCsv::quote).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String value(AggregateTable.Cell cell) {
        return cell.suppressed() ? SUPPRESSED : String.valueOf(cell.value());
    }

    /** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
    private static String quote(String value) {
        String safe = value.matches("^[=+\\-@\t\r].*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** A failure that is not a refusal (the database unavailable, anything unexpected) gets a code too, not a stack trace. */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web) {
            return web.getResponse();
        }
        return answer(ErrorTranslation.meaningOf(e, "GET /aggregates"));
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return answer(new ErrorTranslation.Meaning(e.code(), e.getMessage(), e.field()));
    }

    private static Response answer(ErrorTranslation.Meaning e) {
        int status = switch (e.code()) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case VALIDATION_FAILED, LIMIT_EXCEEDED -> 400;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
            default -> 409;
        };
        String field = e.field() == null ? "" : ",\"field\":\"" + e.field() + "\"";
        return Response.status(status).type("application/json").entity("{\"errors\":[{\"message\":\"" + e.message().replace("\"", "'")
                + "\",\"extensions\":{\"code\":\"" + e.code() + "\"" + field + "}}]}").build();
    }
}
