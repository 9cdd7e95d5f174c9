package org.casebridge.insight;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure logic: no server needed. An attacker holding the published table tries to recover every hidden count. */
class DisclosureControlTest {

    /**
     * Solves every line (row, column, margin) it can with the values it learned so far — one unknown: by
     * subtraction; a known total equal to the known parts: every unknown part is zero — until nothing more can be
     * learned; returns how many hidden entries it recovered.
     */
    static int recover(DisclosureControl.Table t) {
        int rows = t.cells().length;
        int columns = rows == 0 ? 0 : t.cells()[0].length;
        boolean[][] known = new boolean[rows + 1][columns + 1];
        long[][] value = new long[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                boolean hidden = r < rows && c < columns ? t.hidden()[r][c] : r < rows ? t.rowTotalHidden()[r]
                        : c < columns ? t.columnTotalHidden()[c] : t.grandTotalHidden();
                // the attacker sees only what is published
                value[r][c] = hidden ? -1 : r < rows && c < columns ? t.cells()[r][c] : r < rows ? t.rowTotals()[r]
                        : c < columns ? t.columnTotals()[c] : t.grandTotal();
                known[r][c] = !hidden;
            }
        }
        int recovered = 0;
        for (boolean progress = true; progress; ) {
            progress = false;
            for (var line : DisclosureControl.lines(rows, columns)) {
                int unknown = 0;
                int[] missing = null;
                long knownParts = 0;
                for (int i = 0; i < line.size(); i++) {
                    int[] at = line.get(i);
                    if (!known[at[0]][at[1]]) {
                        unknown++;
                        missing = at;
                    } else if (i < line.size() - 1) {
                        knownParts += value[at[0]][at[1]];
                    }
                }
                int[] total = line.get(line.size() - 1);
                if (unknown == 1) {
                    // total = sum of parts, so the one unknown is the total minus (or the sum of) the others
                    value[missing[0]][missing[1]] = missing == total ? knownParts : value[total[0]][total[1]] - knownParts;
                    known[missing[0]][missing[1]] = true;
                    recovered++;
                    progress = true;
                } else if (unknown > 1 && known[total[0]][total[1]] && value[total[0]][total[1]] == knownParts) {
                    // counts are never negative: the unknown parts are all zero
                    for (int[] at : line) {
                        if (!known[at[0]][at[1]]) {
                            known[at[0]][at[1]] = true;
                            value[at[0]][at[1]] = 0;
                            recovered++;
                        }
                    }
                    progress = true;
                }
            }
        }
        return recovered;
    }

    @Test
    void noHiddenCountCanBeWorkedOutFromTheTotals() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2_000; trial++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(5);
            long[][] counts = new long[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    counts[r][c] = random.nextInt(4) == 0 ? random.nextInt(11) : random.nextInt(60);
                }
            }
            DisclosureControl.Table table = DisclosureControl.apply(counts, 11);
            assertEquals(0, recover(table), "trial " + trial);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (counts[r][c] < 11) {
                        assertTrue(table.hidden()[r][c], "every count below the threshold is hidden");
                    }
                }
            }
        }
    }

    @Test
    void aSingleSmallCellTakesASecondCellOfItsRowAndColumnWithIt() {
        long[][] counts = {{50, 3, 40}, {30, 20, 25}, {12, 60, 18}};
        DisclosureControl.Table table = DisclosureControl.apply(counts, 11);
        assertTrue(table.hidden()[0][1]);
        int hiddenInRow = 0;
        int hiddenInColumn = 0;
        for (int c = 0; c < 3; c++) if (table.hidden()[0][c]) hiddenInRow++;
        for (int r = 0; r < 3; r++) if (table.hidden()[r][1]) hiddenInColumn++;
        assertTrue(hiddenInRow >= 2 || table.rowTotalHidden()[0]);
        assertTrue(hiddenInColumn >= 2 || table.columnTotalHidden()[1]);
        assertFalse(table.grandTotalHidden(), "large totals stay visible");
        assertEquals(0, recover(table));
    }

    @Test
    void aTableWithNothingSmallIsPublishedWhole() {
        DisclosureControl.Table table = DisclosureControl.apply(new long[][]{{20, 30}, {40, 50}}, 11);
        for (boolean[] row : table.hidden()) for (boolean h : row) assertFalse(h);
        assertEquals(140, table.grandTotal());
    }
}
