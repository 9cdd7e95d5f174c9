package org.casebridge.insight;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.ArrayList;
import java.util.List;

@Type("AggregateTable")
@Description("Counts for a state and a closed reporting period, as released (a release never changes), disclosure-controlled: "
        + "a count below the threshold is null with suppressed: true, and further cells are suppressed so that no suppressed "
        + "count can be worked out from the totals, nor from the other periods' and tables' figures. Rows and columns are "
        + "fixed lists, the same whatever was counted.")
public record AggregateTable(@NonNull String title, @NonNull String state, @NonNull ReportingPeriod.View period,
                             int threshold, @NonNull String rowDimension, @NonNull String columnDimension,
                             @NonNull List<@NonNull String> columns, @NonNull List<@NonNull Row> rows,
                             @NonNull List<@NonNull Cell> columnTotals, @NonNull Cell grandTotal) {

    @Type("AggregateRow")
    public record Row(@NonNull String key, @NonNull List<@NonNull Cell> cells, @NonNull Cell total) {
    }

    @Type("AggregateCell")
    public record Cell(@NonNull String column, Integer value, boolean suppressed) {
        public static Cell of(String column, long value, boolean hidden) {
            return new Cell(column, hidden ? null : (int) value, hidden);
        }
    }

    /** A released table: its fixed rows (those the release holds, in the shape's order) and columns, as stored. */
    static AggregateTable released(ReportFamilies.Shape shape, Releases.Release release, int threshold) {
        java.util.Map<String, Releases.Cell> cells = new java.util.HashMap<>();
        java.util.LinkedHashSet<String> rowKeys = new java.util.LinkedHashSet<>();
        for (Releases.Cell c : release.table(shape.table())) {
            cells.put(c.row() + "\u0001" + c.column(), c);
        }
        for (String r : shape.rows()) if (cells.containsKey(r + "\u0001" + ReportFamilies.TOTAL)) rowKeys.add(r);
        release.table(shape.table()).stream().map(Releases.Cell::row).filter(r -> !r.equals(ReportFamilies.TOTAL)).sorted()
                .forEach(rowKeys::add);
        java.util.function.BiFunction<String, String, Cell> cell = (r, c) -> {
            Releases.Cell x = cells.get(r + "\u0001" + c);
            return x == null ? Cell.of(c, 0, true) : Cell.of(c, x.value(), x.hidden());
        };
        List<Row> rows = new ArrayList<>();
        for (String r : rowKeys) {
            rows.add(new Row(r, shape.columns().stream().map(c -> cell.apply(r, c)).toList(), cell.apply(r, ReportFamilies.TOTAL)));
        }
        return new AggregateTable(shape.title(), release.scope(), release.period().view(), threshold, shape.rowDimension(),
                shape.columnDimension(), shape.columns(), rows,
                shape.columns().stream().map(c -> cell.apply(ReportFamilies.TOTAL, c)).toList(),
                cell.apply(ReportFamilies.TOTAL, ReportFamilies.TOTAL));
    }
}
