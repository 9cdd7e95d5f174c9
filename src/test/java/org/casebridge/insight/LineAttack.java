package org.casebridge.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * An attacker holding published figures tied by additive lines (total = sum of parts): repeatedly solves every line
 * with one unknown, and every line whose known total equals its known parts (its unknown parts are then all zero,
 * counts being never negative), until nothing more can be learnt. What it learns is what the publication disclosed.
 */
final class LineAttack {

    private LineAttack() {
    }

    /** total = sum of parts, by cell index. */
    record Line(int[] parts, int total) {
    }

    /** What the attacker learnt: the hidden cells it solved, and those it proved zero. */
    record Learnt(List<Integer> solved, List<Integer> provedZero) {
        boolean nothing() {
            return solved.isEmpty() && provedZero.isEmpty();
        }
    }

    /** @param known the published value of each cell, null where hidden or never published */
    static Learnt attack(Long[] known, List<Line> lines) {
        Long[] value = known.clone();
        List<Integer> solved = new ArrayList<>();
        List<Integer> zero = new ArrayList<>();
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
        }
        return new Learnt(solved, zero);
    }
}
