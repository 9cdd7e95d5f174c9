package org.casebridge.assessment;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.casebridge.graphql.GlobalId;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed guides are shipped in the field's words, whole: every sentence of each guide's instructions, questions and
 * probes in the seed file is in the guide the API serves, in the seed's order. Read from {@code ../shared/seeds/}
 * (beside the project, as CI has it); where that folder is absent the comparison is skipped and says so.
 */
@QuarkusTest
class GuideTextTest {

    static final Path SEEDS = Path.of("..", "shared", "seeds");
    static final String CAREGIVERS_GUIDE = GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000001"));
    static final String GRANTEE_GUIDE = GlobalId.encode("DiscussionGuide", UUID.fromString("a1000000-0000-4000-8000-000000000002"));
    static final String GUIDE = """
            query($id: ID!) { discussionGuide(id: $id) { title version questions { position text probes }
              sections { placement heading body minutes } } }""";
    /** A sentence ends at . ? or ! before a space, except a question's own number ("1. How did you…"). */
    static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])(?<!^\\d\\.)(?<!^\\d\\d\\.)\\s+");
    /** Labels the guide carries as structure: a question's probes are its list of probes. */
    static final Pattern STRUCTURE_LABEL = Pattern.compile("PROBES?:");

    @Test
    void theCaregiversGuideIsSeed000Whole() throws IOException {
        everySentenceInOrder("000_", CAREGIVERS_GUIDE);
    }

    @Test
    void theGranteeGuideIsSeed001Whole() throws IOException {
        everySentenceInOrder("001_", GRANTEE_GUIDE);
    }

    @Test
    void theIntroductionsCarryTheirTimingAsAField() {
        List<Map<String, Object>> sections = ok(Tokens.of("fac.borno"), GUIDE, Map.of("id", GRANTEE_GUIDE))
                .getList("data.discussionGuide.sections");
        Map<String, Object> introductions = sections.stream()
                .filter(s -> String.valueOf(s.get("heading")).startsWith("FOCUS GROUP OVERVIEW AND INTRODUCTIONS")).findFirst().orElseThrow();
        assertEquals(5, introductions.get("minutes"));
    }

    private static void everySentenceInOrder(String seedPrefix, String guideId) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "Skipped: " + SEEDS.toAbsolutePath().normalize()
                + " is not here, so the guide text is not compared with the field documents");
        Path seed;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seed = files.filter(f -> f.getFileName().toString().startsWith(seedPrefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("No seed " + seedPrefix + "* in " + SEEDS));
        }
        JsonPath guide = ok(Tokens.of("fac.borno"), GUIDE, Map.of("id", guideId));
        String served = rendered(guide);
        List<String> sentences = sentences(Files.readAllLines(seed, StandardCharsets.UTF_8));
        assertFalse(sentences.isEmpty());
        int at = 0;
        for (String sentence : sentences) {
            int found = served.indexOf(sentence, at);
            if (found < 0) {
                fail((served.contains(sentence) ? "Out of the seed's order" : "Missing") + " in guide version "
                        + guide.getInt("data.discussionGuide.version") + ": \"" + sentence + "\"\nafter: \""
                        + served.substring(Math.max(0, at - 120), at) + "\"");
            }
            at = found + sentence.length();
        }
        assertTrue(at > 0);
    }

    /** The guide as a facilitator reads it: title, sections before the questions, numbered questions with probes, sections after. */
    private static String rendered(JsonPath guide) {
        StringBuilder text = new StringBuilder(guide.getString("data.discussionGuide.title")).append('\n');
        List<Map<String, Object>> sections = guide.getList("data.discussionGuide.sections");
        sections.stream().filter(s -> "BEFORE_QUESTIONS".equals(s.get("placement"))).forEach(s -> section(text, s));
        List<Map<String, Object>> questions = guide.getList("data.discussionGuide.questions");
        for (Map<String, Object> q : questions) {
            text.append(q.get("position")).append(". ").append(q.get("text")).append('\n');
            ((List<?>) q.get("probes")).forEach(p -> text.append(p).append('\n'));
        }
        sections.stream().filter(s -> "AFTER_QUESTIONS".equals(s.get("placement"))).forEach(s -> section(text, s));
        return normalised(text.toString());
    }

    private static void section(StringBuilder text, Map<String, Object> section) {
        if (section.get("heading") != null) text.append(section.get("heading")).append('\n');
        text.append(section.get("body")).append('\n');
    }

    /** Each line of the seed without its bullet, cut into sentences; blank lines and structure labels left out. */
    static List<String> sentences(List<String> lines) {
        List<String> sentences = new ArrayList<>();
        for (String line : lines) {
            String text = normalised(line.strip().replaceFirst("^·", ""));
            if (text.isEmpty() || STRUCTURE_LABEL.matcher(text).matches()) continue;
            for (String sentence : SENTENCE_END.split(text)) {
                if (!sentence.isBlank()) sentences.add(sentence.strip());
            }
        }
        return sentences;
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
