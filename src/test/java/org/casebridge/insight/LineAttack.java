package org.casebridge.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker holding published figures tied by additive lines (total = sum of parts): repeatedly solves every line
 * with one unknown, and every line whose known total equals its known parts (its unknown parts are then all zero,
 * counts being never negative), and then every line together as one linear system (Gaussian elimination over the
 * unknowns, with the published values on the constant side: an unknown is solved when the system pins it down, however
 * many lines it takes), until nothing more can be learnt. What it learns is what the publication disclosed.
 * <p>
 * The elimination is exact modulo two primes (neither is {@link FamilyDisclosure}'s); an unknown counts as solved only
 * when it is determined modulo both and both give the same value, so the attacker never claims a value it cannot prove.
 */
final class LineAttack {

    private LineAttack() {
    }

    private static final long P1 = 1_000_000_007L;
    private static final long P2 = 998_244_353L;

    /** total = sum of parts, by cell index. */
    record Line(int[] parts, int total) {
    }

    /** What the attacker learnt: the hidden cells it solved, and those it proved zero; and the size of its last system. */
    record Learnt(List<Integer> solved, List<Integer> provedZero, int unknowns, int equations, int solvedByElimination) {
        Learnt(List<Integer> solved, List<Integer> provedZero) {
            this(solved, provedZero, 0, 0, 0);
        }

        boolean nothing() {
            return solved.isEmpty() && provedZero.isEmpty();
        }
    }

    /** @param known the published value of each cell, null where hidden or never published */
    static Learnt attack(Long[] known, List<Line> lines) {
        Long[] value = known.clone();
        List<Integer> solved = new ArrayList<>();
        List<Integer> zero = new ArrayList<>();
        int unknowns = 0;
        int equations = 0;
        int byElimination = 0;
        for (boolean progress = true; progress; ) {
            progress = lineRules(value, lines, solved, zero);
            // every line together
            unknowns = 0;
            equations = 0;
            for (System system : components(system(value, lines))) {
                unknowns += system.cells.length;
                equations += system.rows.size();
                Map<Integer, Long> first = system.solve(P1);
                Map<Integer, Long> second = system.solve(P2);
                for (Map.Entry<Integer, Long> e : first.entrySet()) {
                    Long other = second.get(e.getKey());
                    if (other != null && other.equals(e.getValue())) {
                        int cell = system.cells[e.getKey()];
                        value[cell] = other;
                        solved.add(cell);
                        byElimination++;
                        progress = true;
                    }
                }
            }
        }
        return new Learnt(solved, zero, unknowns, equations, byElimination);
    }

    private static boolean lineRules(Long[] value, List<Line> lines, List<Integer> solved, List<Integer> zero) {
        boolean any = false;
        for (boolean progress = true; progress; ) {
            progress = false;
            for (Line line : lines) {
                int unknown = 0;
                int missing = -1;
                long parts = 0;
                for (int p : line.parts()) {
                    if (value[p] == null) {
                        unknown++;
                        missing = p;
                    } else {
                        parts += value[p];
                    }
                }
                boolean totalKnown = value[line.total()] != null;
                if (!totalKnown && unknown == 0) {
                    value[line.total()] = parts;
                    solved.add(line.total());
                    progress = true;
                } else if (totalKnown && unknown == 1) {
                    value[missing] = value[line.total()] - parts;
                    solved.add(missing);
                    progress = true;
                } else if (totalKnown && unknown > 1 && value[line.total()] == parts) {
                    for (int p : line.parts()) {
                        if (value[p] == null) {
                            value[p] = 0L;
                            zero.add(p);
                        }
                    }
                    progress = true;
                }
            }
            any |= progress;
        }
        return any;
    }

    /** The lines with unknowns: Σ coefficient × unknown = constant (total − parts, published values moved over). */
    private record System(int[] cells, List<int[]> rows, List<long[]> coefficients, List<Long> constants) {

        /** The unknowns the system determines modulo p (by index into cells), with their values as signed residues. */
        Map<Integer, Long> solve(long p) {
            int width = cells.length;
            long[][] basis = new long[width][];
            List<Integer> pivots = new ArrayList<>();
            for (int e = 0; e < rows.size(); e++) {
                long[] row = new long[width + 1];
                int[] at = rows.get(e);
                for (int k = 0; k < at.length; k++) row[at[k]] = Math.floorMod(row[at[k]] + coefficients.get(e)[k], p);
                row[width] = Math.floorMod(constants.get(e), p);
                for (int c : pivots) {
                    if (row[c] != 0) subtract(row, basis[c], row[c], p);
                }
                int pivot = -1;
                for (int c = 0; c < width && pivot < 0; c++) if (row[c] != 0) pivot = c;
                if (pivot < 0) continue;
                long inverse = inverse(row[pivot], p);
                for (int c = 0; c <= width; c++) row[c] = row[c] * inverse % p;
                for (int c : pivots) {
                    if (basis[c][pivot] != 0) subtract(basis[c], row, basis[c][pivot], p);
                }
                basis[pivot] = row;
                pivots.add(pivot);
            }
            Map<Integer, Long> determined = new HashMap<>();
            for (int c : pivots) {
                int nonzero = 0;
                for (int k = 0; k < width; k++) if (basis[c][k] != 0) nonzero++;
                if (nonzero == 1) {
                    long v = basis[c][width];
                    determined.put(c, v > p / 2 ? v - p : v);
                }
            }
            return determined;
        }
    }

    private static void subtract(long[] row, long[] by, long factor, long p) {
        for (int k = 0; k < row.length; k++) {
            if (by[k] != 0) row[k] = Math.floorMod(row[k] - factor * by[k] % p, p);
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

    /** The system split into independent parts: unknowns linked through shared lines. */
    private static List<System> components(System all) {
        int[] parent = new int[all.cells.length];
        for (int k = 0; k < parent.length; k++) parent[k] = k;
        for (int[] row : all.rows) for (int k = 1; k < row.length; k++) parent[root(parent, row[k])] = root(parent, row[0]);
        Map<Integer, List<Integer>> rowsOf = new HashMap<>();
        for (int e = 0; e < all.rows.size(); e++) rowsOf.computeIfAbsent(root(parent, all.rows.get(e)[0]), r -> new ArrayList<>()).add(e);
        List<System> parts = new ArrayList<>();
        for (List<Integer> es : rowsOf.values()) {
            Map<Integer, Integer> local = new HashMap<>();
            List<int[]> rows = new ArrayList<>();
            List<long[]> coefficients = new ArrayList<>();
            List<Long> constants = new ArrayList<>();
            for (int e : es) {
                int[] row = all.rows.get(e).clone();
                for (int k = 0; k < row.length; k++) row[k] = local.computeIfAbsent(row[k], x -> local.size());
                rows.add(row);
                coefficients.add(all.coefficients.get(e));
                constants.add(all.constants.get(e));
            }
            int[] cells = new int[local.size()];
            local.forEach((global, k) -> cells[k] = all.cells[global]);
            parts.add(new System(cells, rows, coefficients, constants));
        }
        return parts;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) k = parent[k] = parent[parent[k]];
        return k;
    }

    private static System system(Long[] value, List<Line> lines) {
        Map<Integer, Integer> unknown = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        List<long[]> coefficients = new ArrayList<>();
        List<Long> constants = new ArrayList<>();
        for (Line line : lines) {
            Map<Integer, Long> coefficient = new HashMap<>();
            long constant = 0;
            // total − Σ parts = 0
            int[] cells = Arrays.copyOf(line.parts(), line.parts().length + 1);
            cells[cells.length - 1] = line.total();
            for (int k = 0; k < cells.length; k++) {
                long sign = k == cells.length - 1 ? 1 : -1;
                Long v = value[cells[k]];
                if (v != null) constant -= sign * v;
                else coefficient.merge(unknown.computeIfAbsent(cells[k], x -> unknown.size()), sign, Long::sum);
            }
            coefficient.values().removeIf(c -> c == 0);
            if (coefficient.isEmpty()) continue;
            rows.add(coefficient.keySet().stream().mapToInt(Integer::intValue).toArray());
            coefficients.add(coefficient.values().stream().mapToLong(Long::longValue).toArray());
            constants.add(constant);
        }
        int[] cells = new int[unknown.size()];
        unknown.forEach((cell, k) -> cells[k] = cell);
        return new System(cells, rows, coefficients, constants);
    }
}
