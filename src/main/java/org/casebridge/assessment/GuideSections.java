package org.casebridge.assessment;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A guide's text around its questions, in the field's words: its headings, paragraphs, bullets and timings. */
public final class GuideSections {

    private GuideSections() {
    }

    @Description("Where a section stands in the guide: before the questions (background, staffing, introductions) or after them.")
    public enum SectionPlacement { BEFORE_QUESTIONS, AFTER_QUESTIONS }

    @Type("GuideSection")
    @Description("A section of a discussion guide as the field document has it: its heading, its text (one paragraph or bullet "
            + "per line) and, where the guide times it, its minutes (\"INTRODUCTIONS: (5 minutes)\").")
    public record SectionView(int position, @NonNull SectionPlacement placement, String heading, @NonNull String body, Integer minutes) {
    }
}
