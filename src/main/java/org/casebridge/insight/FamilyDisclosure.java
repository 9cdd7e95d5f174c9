package org.casebridge.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for a linked family of published counts: cells tied by arbitrary additive lines
 * (a total = the sum of its parts) — a table's rows, columns and margins, a quarter = its three months, a year = its
 * four quarters, a state = its agencies. {@link DisclosureControl} is the special case of one table.
 * <p>
 * Cells released earlier are frozen: a frozen cell keeps its published or hidden state, and only new cells are
 * suppressed. Primary suppression hides every new count below the threshold (zero included). Secondary suppression
 * then hides further new cells until every line has either nothing hidden, or at least two hidden entries and, when
 * its total is published, hidden parts that add up to at least the threshold. So no hidden count can be worked out
 * by subtracting published ones along any line, and no line shows its hidden parts to be zero or small.
 * <p>
 * Lines combined can still pin a hidden cell down (one line's hidden parts added to another's and a third's taken
 * away). So a linear audit follows: every line of the family, new and frozen, is an equation over the hidden cells
 * (published values on the constant side), and while the system determines some hidden cell — its unit vector lies
 * in the equations' row space — one more new cell of a line through it is hidden, and the per-line rule runs again.
 * The system is solved exactly modulo two primes; a cell determined modulo either counts as determined.
 * <p>
 * A line whose cells include a new one can always be satisfied as long as it holds at least two new cells (hiding
 * every new cell satisfies it): {@link Releases} releases a quarter with its last month and a year with its last
 * quarter, so every line that comes into being has at least two new cells.
 */
public final class FamilyDisclosure {

    private FamilyDisclosure() {
    }

    public enum State { NEW, FROZEN_PUBLISHED, FROZEN_HIDDEN }

    /** total = sum of parts (indices into the family's cells). */
    public record Line(int[] parts, int total) {
        public static Line of(List<Integer> parts, int total) {
            return new Line(parts.stream().mapToInt(Integer::intValue).toArray(), total);
        }
    }

    /**
     * The outcome: which cells are hidden, how many lines (or linear combinations) could not be satisfied (0 when all
     * are), and how many cells the linear audit hid beyond the per-line rule.
     */
    public record Result(boolean[] hidden, int unsatisfiedLines, int auditSuppressed) {
        public Result(boolean[] hidden, int unsatisfiedLines) {
            this(hidden, unsatisfiedLines, 0);
        }
    }

    /**
     * Protects the family. {@code lines} are every line among its cells, new and frozen alike: the per-line rule
     * applies to those holding a new cell, and the linear audit solves them all together.
     */
    public static Result protect(long[] values, State[] states, List<Line> lines, int threshold) {
        int n = values.length;
        boolean[] hidden = new boolean[n];
        for (int i = 0; i < n; i++) {
            hidden[i] = states[i] == State.FROZEN_HIDDEN || states[i] == State.NEW && values[i] < threshold;
        }
        List<Line> active = new ArrayList<>();
        for (Line line : lines) {
            boolean hasNew = states[line.total()] == State.NEW;
            for (int p : line.parts()) hasNew |= states[p] == State.NEW;
            if (hasNew) active.add(line);
        }
        // the lines through each cell, for the audit's picks
        List<List<Line>> through = new ArrayList<>(n);
        for (int i = 0; i < n; i++) through.add(new ArrayList<>());
        for (Line line : lines) {
            through.get(line.total()).add(line);
            for (int p : line.parts()) through.get(p).add(line);
        }
        boolean[] disclosedBefore = null;
        int auditSuppressed = 0;
        int unsatisfied;
        while (true) {
            unsatisfied = perLine(values, states, active, hidden, threshold);
            boolean[] determined = determined(hidden, lines);
            boolean any = false;
            for (boolean d : determined) any |= d;
            if (any && disclosedBefore == null) {
                // what the earlier releases disclosed whatever is published now (every new cell hidden): no new cell helps it
                boolean[] allNewHidden = hidden.clone();
                for (int i = 0; i < n; i++) allNewHidden[i] |= states[i] == State.NEW;
                disclosedBefore = determined(allNewHidden, lines);
            }
            boolean[] picked = new boolean[n];
            boolean added = false;
            int stuck = 0;
            for (int d = 0; d < n; d++) {
                if (!determined[d] || disclosedBefore[d]) continue;
                // one more new cell in a line through it, unless this round already hid one in such a line
                boolean handled = false;
                int pick = -1;
                for (Line line : through.get(d)) {
                    if (picked[line.total()]) handled = true;
                    for (int p : line.parts()) handled |= picked[p];
                    if (handled) break;
                    pick = smaller(pick, line.total(), hidden, states, values);
                    for (int p : line.parts()) pick = smaller(pick, p, hidden, states, values);
                }
                if (handled) continue;
                if (pick < 0) pick = anyNewInComponent(d, hidden, states, values, through);
                if (pick < 0) {
                    stuck++;
                    continue;
                }
                hidden[pick] = true;
                picked[pick] = true;
                added = true;
                auditSuppressed++;
            }
            if (!added) {
                unsatisfied += stuck;
                break;
            }
        }
        return new Result(hidden, unsatisfied, auditSuppressed);
    }

    private static int smaller(int pick, int candidate, boolean[] hidden, State[] states, long[] values) {
        if (hidden[candidate] || states[candidate] != State.NEW) return pick;
        return pick < 0 || values[candidate] < values[pick] || values[candidate] == values[pick] && candidate < pick ? candidate : pick;
    }

    /** The smallest new published cell on a line through any hidden cell linked to d (by lines through hidden cells). */
    private static int anyNewInComponent(int d, boolean[] hidden, State[] states, long[] values, List<List<Line>> through) {
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(d));
        java.util.Set<Integer> seen = new java.util.HashSet<>(List.of(d));
        int pick = -1;
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            for (Line line : through.get(cell)) {
                int[] cells = java.util.Arrays.copyOf(line.parts(), line.parts().length + 1);
                cells[cells.length - 1] = line.total();
                for (int c : cells) {
                    pick = smaller(pick, c, hidden, states, values);
                    if (hidden[c] && seen.add(c)) queue.add(c);
                }
            }
        }
        return pick;
    }

    /** The per-line rule, repeated until every active line holds; returns how many lines cannot be satisfied. */
    private static int perLine(long[] values, State[] states, List<Line> active, boolean[] hidden, int threshold) {
        int unsatisfied = 0;
        for (boolean changed = true; changed; ) {
            changed = false;
            unsatisfied = 0;
            for (Line line : active) {
                int hiddenCount = hidden[line.total()] ? 1 : 0;
                long hiddenPartsSum = 0;
                int hiddenPart = -1;
                for (int p : line.parts()) {
                    if (hidden[p]) {
                        hiddenCount++;
                        hiddenPartsSum += values[p];
                        hiddenPart = p;
                    }
                }
                boolean totalHidden = hidden[line.total()];
                boolean alone = hiddenCount == 1;
                boolean small = hiddenCount > 0 && !totalHidden && hiddenPartsSum < threshold;
                if (!alone && !small) {
                    continue;
                }
                int pick;
                if (small && !alone) {
                    // hidden parts add up to little: hide the total, or else one more part
                    pick = states[line.total()] == State.NEW ? line.total() : smallestNewPart(line, hidden, states, values, -1);
                } else if (totalHidden) {
                    pick = smallestNewPart(line, hidden, states, values, -1);
                } else {
                    // a lone hidden part: another part goes with it, or else the total
                    pick = smallestNewPart(line, hidden, states, values, hiddenPart);
                    if (pick < 0 && states[line.total()] == State.NEW) pick = line.total();
                }
                if (pick < 0) {
                    unsatisfied++;
                    continue;
                }
                hidden[pick] = true;
                changed = true;
            }
        }
        return unsatisfied;
    }

    // --- the linear audit ---------------------------------------------------------------------------------

    /** Two primes below 2^31: products of residues fit in a long. */
    private static final long[] PRIMES = {2_147_483_647L, 2_147_483_629L};

    /**
     * The hidden cells that every line together pins down: unknowns are the hidden cells, each line an equation
     * (total − Σ parts = published values moved to the constant side), and a cell is determined when its unit vector
     * lies in the equations' row space — a row of the reduced row echelon form with a single non-zero entry. Solved
     * exactly modulo two large primes; a cell determined modulo either counts as determined (a rank that drops modulo
     * a prime can only make more cells look determined, so the error, if any, is toward hiding more). The system is
     * split into its independent parts (hidden cells linked through shared lines) first.
     */
    static boolean[] determined(boolean[] hidden, List<Line> lines) {
        int n = hidden.length;
        int[] unknown = new int[n];
        java.util.Arrays.fill(unknown, -1);
        int count = 0;
        for (int i = 0; i < n; i++) if (hidden[i]) unknown[i] = count++;
        int[] parent = new int[count];
        for (int k = 0; k < count; k++) parent[k] = k;
        List<int[]> equations = new ArrayList<>();
        List<int[]> coefficients = new ArrayList<>();
        for (Line line : lines) {
            java.util.Map<Integer, Integer> row = new java.util.TreeMap<>();
            if (hidden[line.total()]) row.merge(unknown[line.total()], 1, Integer::sum);
            for (int p : line.parts()) if (hidden[p]) row.merge(unknown[p], -1, Integer::sum);
            row.values().removeIf(c -> c == 0);
            if (row.isEmpty()) continue;
            int[] at = row.keySet().stream().mapToInt(Integer::intValue).toArray();
            equations.add(at);
            coefficients.add(row.values().stream().mapToInt(Integer::intValue).toArray());
            for (int k = 1; k < at.length; k++) parent[root(parent, at[k])] = root(parent, at[0]);
        }
        // the equations of each part, in local column numbers
        java.util.Map<Integer, List<Integer>> byPart = new java.util.HashMap<>();
        for (int e = 0; e < equations.size(); e++) byPart.computeIfAbsent(root(parent, equations.get(e)[0]), r -> new ArrayList<>()).add(e);
        int[] local = new int[count];
        boolean[] result = new boolean[n];
        int[] cellOf = new int[count];
        for (int i = 0; i < n; i++) if (unknown[i] >= 0) cellOf[unknown[i]] = i;
        for (List<Integer> part : byPart.values()) {
            List<Integer> columns = new ArrayList<>();
            for (int e : part) {
                for (int u : equations.get(e)) {
                    if (local[u] == 0) {
                        columns.add(u);
                        local[u] = columns.size(); // 1-based while collecting
                    }
                }
            }
            int width = columns.size();
            List<int[]> rows = new ArrayList<>();
            List<int[]> coefs = new ArrayList<>();
            for (int e : part) {
                int[] at = equations.get(e).clone();
                for (int k = 0; k < at.length; k++) at[k] = local[at[k]] - 1;
                rows.add(at);
                coefs.add(coefficients.get(e));
            }
            for (long p : PRIMES) {
                boolean[] pinned = pinned(rows, coefs, width, p);
                for (int k = 0; k < width; k++) if (pinned[k]) result[cellOf[columns.get(k)]] = true;
            }
            for (int u : columns) local[u] = 0;
        }
        return result;
    }

    /** Gauss-Jordan modulo p, row by row into a fully reduced basis; the columns whose basis row is a unit vector. */
    private static boolean[] pinned(List<int[]> rows, List<int[]> coefs, int width, long p) {
        long[][] basis = new long[width][];
        int[] pivots = new int[width];
        int rank = 0;
        for (int e = 0; e < rows.size() && rank < width; e++) {
            long[] row = new long[width];
            int[] at = rows.get(e);
            for (int k = 0; k < at.length; k++) row[at[k]] = Math.floorMod(coefs.get(e)[k], p);
            for (int b = 0; b < rank; b++) {
                int c = pivots[b];
                if (row[c] != 0) subtract(row, basis[c], row[c], p);
            }
            int pivot = -1;
            for (int c = 0; c < width && pivot < 0; c++) if (row[c] != 0) pivot = c;
            if (pivot < 0) continue;
            long inverse = inverse(row[pivot], p);
            for (int c = 0; c < width; c++) if (row[c] != 0) row[c] = row[c] * inverse % p;
            for (int b = 0; b < rank; b++) {
                long[] other = basis[pivots[b]];
                if (other[pivot] != 0) subtract(other, row, other[pivot], p);
            }
            basis[pivot] = row;
            pivots[rank++] = pivot;
        }
        boolean[] pinned = new boolean[width];
        for (int b = 0; b < rank; b++) {
            long[] row = basis[pivots[b]];
            int nonzero = 0;
            for (int c = 0; c < width && nonzero < 2; c++) if (row[c] != 0) nonzero++;
            pinned[pivots[b]] = nonzero == 1;
        }
        return pinned;
    }

    private static void subtract(long[] row, long[] by, long factor, long p) {
        for (int k = 0; k < row.length; k++) {
            if (by[k] != 0) {
                long v = row[k] - factor * by[k] % p;
                row[k] = v < 0 ? v + p : v;
            }
        }
    }

    private static long inverse(long a, long p) {
        long result = 1;
        long base = a % p;
        for (long e = p - 2; e > 0; e >>= 1) {
            if ((e & 1) == 1) result = result * base % p;
            base = base * base % p;
        }
        return result;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) k = parent[k] = parent[parent[k]];
        return k;
    }

    private static int smallestNewPart(Line line, boolean[] hidden, State[] states, long[] values, int except) {
        int smallest = -1;
        for (int p : line.parts()) {
            if (p != except && !hidden[p] && states[p] == State.NEW && (smallest < 0 || values[p] < values[smallest])) {
                smallest = p;
            }
        }
        return smallest;
    }
}
