package org.casebridge.assessment;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.AssessmentEnums.PartOf;
import org.casebridge.graphql.FreeText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

/** Discussion guides, their questions and assessment events: views, inputs and payloads. */
public final class GuideTypes {

    private GuideTypes() {
    }

    static final String GUIDE = "DiscussionGuide";
    static final String QUESTION = "GuideQuestion";
    static final String EVENT = "AssessmentEvent";

    @Type("DiscussionGuide")
    @Description("A discussion guide, in a version: audience, purpose, its sections in the field's words (before and after the "
            + "questions), the before/during/after instructions, ordered questions with probes, its group size and cohorts.")
    public record GuideView(@Id @NonNull String id,
                            @Description("Guides are versioned: a session keeps the version it was planned on.") int version,
                            @NonNull String title, @NonNull Audience audience, @NonNull String purpose,
                            Integer expectedMinutes,
                            @Description("The group size the guide asks for (\"between 8 -12 participants ideally\").") Integer minParticipants,
                            Integer maxParticipants,
                            @Description("Where the guide runs one group per professional cohort, its cohorts.") @NonNull List<@NonNull String> cohorts,
                            @Description("Whether needs raised with this guide's audience have a professional level (manager, supervisor, caseworker).")
                            boolean professionalLevels,
                            @NonNull List<GuideSections.@NonNull SectionView> sections,
                            String beforeInstructions, String duringInstructions,
                            String afterInstructions, @NonNull String createdByName,
                            @NonNull List<@NonNull QuestionView> questions) {
    }

    @Type("GuideQuestion")
    public record QuestionView(@Id @NonNull String id, int position, @NonNull String text, @NonNull List<@NonNull String> probes) {
    }

    @Type("AssessmentEvent")
    @Description("An event several sessions belong to, e.g. cohort groups on the first day of a meeting, and what it is part of.")
    public record EventView(@Id @NonNull String id, @NonNull String name, String location, @NonNull LocalDate startsOn,
                            @NonNull LocalDate endsOn,
                            @Description("A needs assessment, a Contextual Safeguarding audit or a contextual assessment.") PartOf partOf,
                            @Description("The steering group that agrees who is spoken with (seed 003).") String steeringGroup) {
    }

    // --- inputs -------------------------------------------------------------------------------------------

    @Input("GuideQuestionInput")
    public record QuestionInput(@NonNull @NotNull @FreeText @Size(max = 2000) String text,
                                @Size(max = 20) @Nullable List<@NonNull @Size(max = 1000) String> probes) {
    }

    @Input("CreateDiscussionGuideInput")
    public record CreateGuideInput(@NonNull @NotNull @FreeText @Size(max = 200) String title,
                                   @NonNull @NotNull Audience audience,
                                   @NonNull @NotNull @FreeText @Size(max = 4000) String purpose,
                                   @Min(10) @Max(480) Integer expectedMinutes,
                                   @Size(max = 8000) String beforeInstructions,
                                   @Size(max = 8000) String duringInstructions,
                                   @Size(max = 8000) String afterInstructions,
                                   @NonNull @NotNull @Size(min = 1, max = 50) List<@NonNull @Valid QuestionInput> questions) {
    }

    @Input("CreateAssessmentEventInput")
    public record CreateEventInput(@NonNull @NotNull @FreeText @Size(max = 300) String name,
                                   @Size(max = 300) String location,
                                   @NonNull @NotNull LocalDate startsOn,
                                   @NonNull @NotNull LocalDate endsOn,
                                   @Description("What the event is part of (\"as part of a Contextual Safeguarding audit or a contextual "
                                           + "assessment\").") PartOf partOf,
                                   @Description("Its steering group: who sits on it, what it agreed. Required for a Contextual "
                                           + "Safeguarding audit.") @Size(max = 2000) String steeringGroup) {
    }

    @Type("CreateDiscussionGuidePayload")
    public record CreateGuidePayload(@NonNull GuideView guide) {
    }

    @Type("CreateAssessmentEventPayload")
    public record CreateEventPayload(@NonNull EventView event) {
    }
}
