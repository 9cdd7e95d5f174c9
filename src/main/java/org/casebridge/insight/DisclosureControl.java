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
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                hidden[r][c] = grid[r][c] < threshold;
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (List<int[]> line : lines(rows, columns)) {
                // the last entry of a line is its total; the others are its parts
                int hiddenCount = 0;
                long hiddenPartsSum = 0;
                for (int i = 0; i < line.size(); i++) {
                    int[] at = line.get(i);
                    if (hidden[at[0]][at[1]]) {
                        hiddenCount++;
                        hiddenPartsSum += i < line.size() - 1 ? grid[at[0]][at[1]] : 0;
                    }
                }
                int[] total = line.get(line.size() - 1);
                boolean totalHidden = hidden[total[0]][total[1]];
                if (hiddenCount == 1 || (hiddenCount > 0 && !totalHidden && hiddenPartsSum < threshold)) {
                    // A lone hidden entry takes the line's smallest visible part with it. Hidden parts that add up to
                    // little (all zeros, say) would still be guessed from the total: then the total is hidden.
                    int[] smallest = hiddenCount == 1 || totalHidden ? smallestVisiblePart(line, hidden, grid) : total;
                    if (smallest == null && !totalHidden) {
                        smallest = total;
                    }
                    if (smallest != null) {
                        hidden[smallest[0]][smallest[1]] = true;
                        changed = true;
                    }
                }
            }
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

    private static int[] smallestVisiblePart(List<int[]> line, boolean[][] hidden, long[][] grid) {
        int[] smallest = null;
        for (int[] at : line.subList(0, line.size() - 1)) {
            if (!hidden[at[0]][at[1]] && (smallest == null || grid[at[0]][at[1]] < grid[smallest[0]][smallest[1]])) {
                smallest = at;
            }
        }
        return smallest;
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
