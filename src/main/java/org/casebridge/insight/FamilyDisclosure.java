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

    /** The outcome: which cells are hidden, and how many lines could not be satisfied (0 when all are). */
    public record Result(boolean[] hidden, int unsatisfiedLines) {
    }

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
        return new Result(hidden, unsatisfied);
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
