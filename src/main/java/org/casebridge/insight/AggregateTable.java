package org.casebridge.insight;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Type("AggregateTable")
@Description("Counts for a state and period, disclosure-controlled: a count below the threshold is null with suppressed: true, "
        + "and further cells are suppressed so that no suppressed count can be worked out from the totals.")
public record AggregateTable(@NonNull String title, @NonNull String state, @NonNull LocalDate from, @NonNull LocalDate to,
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

    /** Publishes {@code counts} (rows × columns) through {@link DisclosureControl}. */
    public static AggregateTable publish(String title, String state, LocalDate from, LocalDate to, int threshold, String rowDimension,
                                  String columnDimension, List<String> rowKeys, List<String> columns, long[][] counts) {
        if (rowKeys.isEmpty()) {
            List<Cell> none = columns.stream().map(c -> Cell.of(c, 0, true)).toList();
            return new AggregateTable(title, state, from, to, threshold, rowDimension, columnDimension, columns, List.of(), none,
                    Cell.of("TOTAL", 0, true));
        }
        DisclosureControl.Table t = DisclosureControl.apply(counts, threshold);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowKeys.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.add(Cell.of(columns.get(c), t.cells()[r][c], t.hidden()[r][c]));
            }
            rows.add(new Row(rowKeys.get(r), cells, Cell.of("TOTAL", t.rowTotals()[r], t.rowTotalHidden()[r])));
        }
        List<Cell> columnTotals = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            columnTotals.add(Cell.of(columns.get(c), t.columnTotals()[c], t.columnTotalHidden()[c]));
        }
        return new AggregateTable(title, state, from, to, threshold, rowDimension, columnDimension, columns, rows, columnTotals,
                Cell.of("TOTAL", t.grandTotal(), t.grandTotalHidden()));
    }
}
