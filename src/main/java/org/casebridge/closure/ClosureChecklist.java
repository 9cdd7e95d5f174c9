package org.casebridge.closure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.casebridge.followup.FollowUp;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.HasHappened;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closure checklist of step 6, by reason. What must be done depends on why the case closes: with an UNREACHABLE
 * or RELOCATED survivor nobody can have reviewed the plans with her or told her she can return. An item that was not
 * done says why; it is never recorded as done.
 */
public final class ClosureChecklist {

    static final String TEXT = "(?s).*\\S.*";

    @Name("ClosureChecklistItem")
    public enum Item {
        @Description("The safety plan was reviewed with her.") SAFETY_PLAN_REVIEWED,
        @Description("The final action plan was reviewed together with her, with the status of each goal.") ACTION_PLAN_REVIEWED,
        @Description("She was told her case will close and that she can always return for services.") SURVIVOR_TOLD_SHE_CAN_RETURN,
        @Description("All forms in the file reviewed; the file is complete.") FILE_REVIEWED_AND_COMPLETE
    }

    /** Where she is present for the closure, the closing conversation takes place and is recorded. */
    public enum Conversation { REQUIRED, OPTIONAL, NOT_POSSIBLE }

    private ClosureChecklist() {
    }

    /** The items that must be done before closure can be requested for this reason. */
    public static Set<Item> mustBeDone(CaseClosure.Reason reason) {
        return switch (reason) {
            case NEEDS_MET -> EnumSet.allOf(Item.class);
            case SURVIVOR_REQUEST -> EnumSet.of(Item.SURVIVOR_TOLD_SHE_CAN_RETURN, Item.FILE_REVIEWED_AND_COMPLETE);
            case RELOCATED, UNREACHABLE -> EnumSet.of(Item.FILE_REVIEWED_AND_COMPLETE);
        };
    }

    /** She is present when her needs are met or she asks to close; a relocated survivor may be; an unreachable one is not. */
    public static Conversation conversation(CaseClosure.Reason reason) {
        return switch (reason) {
            case NEEDS_MET, SURVIVOR_REQUEST -> Conversation.REQUIRED;
            case RELOCATED -> Conversation.OPTIONAL;
            case UNREACHABLE -> Conversation.NOT_POSSIBLE;
        };
    }

    /**
     * Checks the checklist for the reason and returns, for each item not done, why. A false item needs its reason in
     * {@code notDone}; a reason for an item that was done, twice for one item, or a false item the reason requires
     * is refused, naming the field.
     */
    public static Map<Item, String> whyNotDone(CaseClosure.Reason reason, Map<Item, Boolean> done, List<NotDoneInput> notDone,
                                               String field) {
        Map<Item, String> why = new EnumMap<>(Item.class);
        List<NotDoneInput> given = notDone == null ? List.of() : notDone;
        for (int i = 0; i < given.size(); i++) {
            NotDoneInput entry = given.get(i);
            String at = field + ".notDone[" + i + "]";
            if (entry == null) {
                throw ApiException.invalid(at, "An entry is required");
            }
            if (Boolean.TRUE.equals(done.get(entry.item()))) {
                throw ApiException.invalid(at + ".item", "This item is marked done: say why only for an item not done");
            }
            if (why.put(entry.item(), entry.because()) != null) {
                throw ApiException.invalid(at + ".item", "Each item is given once");
            }
        }
        Set<Item> required = mustBeDone(reason);
        done.forEach((item, isDone) -> {
            if (isDone) {
                return;
            }
            if (required.contains(item)) {
                throw ApiException.invalid(field + "." + inputName(item), "For a closure as " + reason + " this item must be "
                        + "done before closure is requested: " + inputName(item));
            }
            if (!why.containsKey(item)) {
                throw ApiException.invalid(field + "." + inputName(item), "Say why it was not done (notDone): " + inputName(item));
            }
        });
        return why;
    }

    /** The checklist input's field for an item. */
    static String inputName(Item item) {
        return switch (item) {
            case SAFETY_PLAN_REVIEWED -> "safetyPlanReviewed";
            case ACTION_PLAN_REVIEWED -> "actionPlanReviewed";
            case SURVIVOR_TOLD_SHE_CAN_RETURN -> "survivorToldSheCanReturn";
            case FILE_REVIEWED_AND_COMPLETE -> "fileReviewedAndComplete";
        };
    }

    @Input("ClosureChecklistNotDoneInput")
    @Description("An item of the checklist that was not done, and why (e.g. she could not be reached).")
    public record NotDoneInput(@NonNull @NotNull Item item,
                               @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 2000) String because) {
    }

    @Type("ClosureChecklistEntry")
    public record EntryView(@NonNull Item item, boolean done, @Description("Why it was not done; null when done.") String notDoneBecause) {
    }

    @Input("ClosingConversationInput")
    @Description("Step 6: follow up with her and discuss her situation; review the progress made, changes in her life, and her "
            + "future aspirations. Required for NEEDS_MET and SURVIVOR_REQUEST, possible for RELOCATED, not for UNREACHABLE.")
    public record ConversationInput(@NonNull @NotNull @HasHappened @Description("When the closing contact took place.") OffsetDateTime contactAt,
                                    @NonNull @NotNull FollowUp.Mode mode,
                                    @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 4000)
                                    String progressAndChangesReviewed,
                                    @NonNull @NotNull @Pattern(regexp = TEXT, message = "must not be blank") @Size(max = 4000)
                                    String futureAspirations) {
    }

    @Type("ClosingConversation")
    @Description("The closing contact with her: when, how, the progress and changes reviewed, her future aspirations.")
    public record ConversationView(@NonNull OffsetDateTime contactAt, @NonNull FollowUp.Mode mode,
                                   @NonNull String progressAndChangesReviewed, @NonNull String futureAspirations) {
    }
}
