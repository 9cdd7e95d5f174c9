package org.casebridge.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.assessment.AssessmentEnums.Audience;
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
    @Description("A discussion guide: audience, purpose, the before/during/after instructions and ordered questions with probes.")
    public record GuideView(@Id @NonNull String id, @NonNull String title, @NonNull Audience audience, @NonNull String purpose,
                            Integer expectedMinutes, String beforeInstructions, String duringInstructions,
                            String afterInstructions, @NonNull String createdByName,
                            @NonNull List<@NonNull QuestionView> questions) {
    }

    @Type("GuideQuestion")
    public record QuestionView(@Id @NonNull String id, int position, @NonNull String text, @NonNull List<@NonNull String> probes) {
    }

    @Type("AssessmentEvent")
    @Description("An event several sessions belong to, e.g. cohort groups on the first day of a meeting.")
    public record EventView(@Id @NonNull String id, @NonNull String name, String location, @NonNull LocalDate startsOn,
                            @NonNull LocalDate endsOn) {
    }

    // --- inputs -------------------------------------------------------------------------------------------

    @Input("GuideQuestionInput")
    public record QuestionInput(@NonNull @NotNull @FreeText @Size(max = 2000) String text,
                                @Size(max = 20) List<@Size(max = 1000) String> probes) {
    }

    @Input("CreateDiscussionGuideInput")
    public record CreateGuideInput(@NonNull @NotNull @FreeText @Size(max = 200) String title,
                                   @NonNull @NotNull Audience audience,
                                   @NonNull @NotNull @FreeText @Size(max = 4000) String purpose,
                                   @Min(10) @Max(480) Integer expectedMinutes,
                                   @Size(max = 8000) String beforeInstructions,
                                   @Size(max = 8000) String duringInstructions,
                                   @Size(max = 8000) String afterInstructions,
                                   @NonNull @NotNull @Size(min = 1, max = 50) List<@Valid QuestionInput> questions) {
    }

    @Input("CreateAssessmentEventInput")
    public record CreateEventInput(@NonNull @NotNull @FreeText @Size(max = 300) String name,
                                   @Size(max = 300) String location,
                                   @NonNull @NotNull LocalDate startsOn,
                                   @NonNull @NotNull LocalDate endsOn) {
    }

    @Type("CreateDiscussionGuidePayload")
    public record CreateGuidePayload(@NonNull GuideView guide) {
    }

    @Type("CreateAssessmentEventPayload")
    public record CreateEventPayload(@NonNull EventView event) {
    }
}
