package org.casebridge.insight;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorTranslation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state leads' aggregates for spreadsheet users: {@code GET /aggregates/{table}.csv?period=2026-10&state=} (a
 * closed month {@code YYYY-MM}, quarter {@code YYYY-Qn} or year {@code YYYY}) with the
 * same bearer token, the same access rule and the same disclosure control as the GraphQL queries. A suppressed
 * count is written as {@value #SUPPRESSED}.
 */
@Path("/aggregates")
public class AggregateCsv {

    static final String SUPPRESSED = "suppressed";

    private final InsightService insight;

    public AggregateCsv(InsightService insight) {
        this.insight = insight;
    }

    private Map<String, Function<Period, AggregateTable>> tables() {
        return Map.ofEntries(
                Map.entry("needs", p -> insight.needsAssessment(p.state, p.period).needs()),
                Map.entry("sessions", p -> insight.needsAssessment(p.state, p.period).sessions()),
                Map.entry("participants", p -> insight.needsAssessment(p.state, p.period).participants()),
                Map.entry("follow-up-requests", p -> insight.needsAssessment(p.state, p.period).followUpRequests()),
                Map.entry("theme-mentions", p -> insight.needsAssessment(p.state, p.period).themeMentions()),
                Map.entry("referral-requests", p -> insight.caseManagementIndicators(p.state, p.period).referralRequests()),
                Map.entry("referrals", p -> insight.caseManagementIndicators(p.state, p.period).referrals()),
                Map.entry("follow-up-timeliness", p -> insight.caseManagementIndicators(p.state, p.period).followUpTimeliness()),
                Map.entry("closure-reasons", p -> insight.caseManagementIndicators(p.state, p.period).closureReasons()),
                Map.entry("feedback-satisfaction", p -> insight.feedbackSatisfaction(p.state, p.period)),
                Map.entry("supervision-ratings", p -> insight.supervisionRatings(p.state, p.period)));
    }

    private record Period(String state, ReportingPeriod period) {
    }

    @GET
    @Path("/{table}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("table") String name, @QueryParam("state") String state, @QueryParam("period") String period) {
        Function<Period, AggregateTable> table = tables().get(name);
        if (table == null) {
            throw ApiException.notFound("Table " + name + " (one of " + String.join(", ", tables().keySet().stream().sorted().toList()) + ")");
        }
        if (period == null) {
            throw ApiException.invalid("period", "period is required: a closed month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)");
        }
        AggregateTable t = table.apply(new Period(state, ReportingPeriod.parse(period, "period")));
        return Response.ok(write(t)).header("Content-Disposition", "attachment; filename=\"" + name + "-" + t.state().replaceAll("\\W", "")
                + "-" + t.period().label() + ".csv\"").build();
    }

    static String write(AggregateTable t) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(Stream.concat(Stream.of(t.rowDimension()), Stream.concat(t.columns().stream(), Stream.of("TOTAL"))).toList());
        t.rows().forEach(r -> lines.add(Stream.concat(Stream.of(r.key()), Stream.concat(r.cells().stream(), Stream.of(r.total()))
                .map(AggregateCsv::value)).toList()));
        lines.add(Stream.concat(Stream.of("TOTAL"), Stream.concat(t.columnTotals().stream(), Stream.of(t.grandTotal()))
                .map(AggregateCsv::value)).toList());
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
