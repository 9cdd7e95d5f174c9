package org.casebridge.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for a table of counts published with its row, column and grand totals.
 * <p>
 * Primary suppression hides every count below the threshold (zero included: "none" is also a small number
 * about people). Secondary suppression then hides further entries until, in every row, column and margin,
 * either nothing is hidden or at least two entries are hidden and the hidden entries together add up to at least
 * the threshold. So no hidden count can be worked out by subtracting the visible ones from a total, and no
 * line reveals that its hidden counts are all zero or all small. A lone hidden entry takes the line's smallest
 * visible part with it; hidden parts adding up to less than the threshold take the line's total instead.
 * <p>
 * One table is the simplest family: this is {@link FamilyDisclosure} with every cell new and the table's rows,
 * columns and margins as its lines.
 */
public final class DisclosureControl {

    private DisclosureControl() {
    }

    /** A published table: values and hidden flags for cells [row][column], row totals, column totals, grand total. */
    public record Table(long[][] cells, boolean[][] hidden, long[] rowTotals, boolean[] rowTotalHidden,
                        long[] columnTotals, boolean[] columnTotalHidden, long grandTotal, boolean grandTotalHidden) {
    }

    public static Table apply(long[][] counts, int threshold) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        // the full grid with margins: index [rows][*] holds column totals, [*][columns] row totals
        long[][] grid = new long[rows + 1][columns + 1];
        boolean[][] hidden = new boolean[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                grid[r][c] = counts[r][c];
                grid[r][columns] += counts[r][c];
                grid[rows][c] += counts[r][c];
                grid[rows][columns] += counts[r][c];
            }
        }
        // one table is a family of its own: every cell new, its rows, columns and margins the lines
        long[] values = new long[(rows + 1) * (columns + 1)];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) values[r * (columns + 1) + c] = grid[r][c];
        }
        FamilyDisclosure.State[] states = new FamilyDisclosure.State[values.length];
        java.util.Arrays.fill(states, FamilyDisclosure.State.NEW);
        List<FamilyDisclosure.Line> familyLines = new ArrayList<>();
        for (List<int[]> line : lines(rows, columns)) {
            List<Integer> parts = new ArrayList<>();
            for (int[] at : line.subList(0, line.size() - 1)) parts.add(at[0] * (columns + 1) + at[1]);
            int[] total = line.get(line.size() - 1);
            if (!parts.isEmpty()) familyLines.add(FamilyDisclosure.Line.of(parts, total[0] * (columns + 1) + total[1]));
        }
        boolean[] protectedCells = FamilyDisclosure.protect(values, states, familyLines, threshold).hidden();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) hidden[r][c] = protectedCells[r * (columns + 1) + c];
        }
        long[][] cells = new long[rows][columns];
        boolean[][] cellHidden = new boolean[rows][columns];
        long[] rowTotals = new long[rows];
        boolean[] rowTotalHidden = new boolean[rows];
        long[] columnTotals = new long[columns];
        boolean[] columnTotalHidden = new boolean[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = grid[r][c];
                cellHidden[r][c] = hidden[r][c];
            }
            rowTotals[r] = grid[r][columns];
            rowTotalHidden[r] = hidden[r][columns];
        }
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = grid[rows][c];
            columnTotalHidden[c] = hidden[rows][c];
        }
        return new Table(cells, cellHidden, rowTotals, rowTotalHidden, columnTotals, columnTotalHidden,
                grid[rows][columns], hidden[rows][columns]);
    }

    /** Every additive line of the grid: each row with its total, each column with its total, and both margins. */
    static List<List<int[]>> lines(int rows, int columns) {
        List<List<int[]>> lines = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            List<int[]> line = new ArrayList<>();
            for (int c = 0; c <= columns; c++) line.add(new int[]{r, c});
            lines.add(line);
        }
        for (int c = 0; c <= columns; c++) {
            List<int[]> line = new ArrayList<>();
            for (int r = 0; r <= rows; r++) line.add(new int[]{r, c});
            lines.add(line);
        }
        return lines;
    }
}
