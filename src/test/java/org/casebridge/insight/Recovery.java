package org.casebridge.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attacker's view of a published table: rows of cells with their totals, column totals and the grand total, where
 * a suppressed entry is unknown. Repeatedly solves every line (a row with its total, a column with its total, the
 * row totals with the grand total, the column totals with the grand total) that has exactly one unknown, until
 * nothing more can be learnt. What it learns is what the publication disclosed.
 */
final class Recovery {

    private Recovery() {
    }

    /** @return descriptions of suppressed entries that can be worked out from the published figures. */
    @SuppressWarnings("unchecked")
    static List<String> recoverable(Map<String, Object> table) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
        List<Map<String, Object>> columnTotals = (List<Map<String, Object>>) table.get("columnTotals");
        int r = rows.size();
        int c = columnTotals.size();
        Long[][] grid = new Long[r + 1][c + 1];
        boolean[][] suppressed = new boolean[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            List<Map<String, Object>> cells = (List<Map<String, Object>>) rows.get(i).get("cells");
            for (int j = 0; j < c; j++) {
                put(grid, suppressed, i, j, cells.get(j));
            }
            put(grid, suppressed, i, c, (Map<String, Object>) rows.get(i).get("total"));
        }
        for (int j = 0; j < c; j++) {
            put(grid, suppressed, r, j, columnTotals.get(j));
        }
        put(grid, suppressed, r, c, (Map<String, Object>) table.get("grandTotal"));
        boolean learnt = true;
        while (learnt) {
            learnt = false;
            for (int i = 0; i <= r; i++) {
                learnt |= solve(grid, i, -1, c);
            }
            for (int j = 0; j <= c; j++) {
                learnt |= solve(grid, -1, j, r);
            }
        }
        List<String> recovered = new ArrayList<>();
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                if (suppressed[i][j] && grid[i][j] != null) {
                    recovered.add(table.get("title") + " [" + (i == r ? "TOTAL" : rows.get(i).get("key")) + "]["
                            + (j == c ? "TOTAL" : columnTotals.get(j).get("column")) + "] = " + grid[i][j]);
                }
            }
        }
        return recovered;
    }

    private static void put(Long[][] grid, boolean[][] suppressed, int i, int j, Map<String, Object> cell) {
        suppressed[i][j] = Boolean.TRUE.equals(cell.get("suppressed"));
        grid[i][j] = cell.get("value") == null ? null : ((Number) cell.get("value")).longValue();
    }

    /** One line: entries 0..n-1 add up to entry n. Fills in a single unknown. */
    private static boolean solve(Long[][] grid, int row, int column, int n) {
        int unknown = -1;
        long sum = 0;
        for (int k = 0; k <= n; k++) {
            Long v = row >= 0 ? grid[row][k] : grid[k][column];
            if (v == null) {
                if (unknown >= 0) {
                    return false;
                }
                unknown = k;
            } else if (k < n) {
                sum += v;
            }
        }
        if (unknown < 0) {
            return false;
        }
        long total = row >= 0 ? grid[row][n] == null ? 0 : grid[row][n] : grid[n][column] == null ? 0 : grid[n][column];
        long value = unknown == n ? sum : total - sum;
        if (row >= 0) {
            grid[row][unknown] = value;
        } else {
            grid[unknown][column] = value;
        }
        return true;
    }
}
