package org.casebridge.conference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.agency.AgencyNode;
import org.casebridge.conference.ConferenceTypes.ConferenceView;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Action items a conference assigns to agencies: views, inputs, payloads and connections. */
public final class ActionItemTypes {

    private ActionItemTypes() {
    }

    @Type("ActionItem")
    @Description("Something the conference decided an agency will do. Only the assigned agency updates it.")
    public static class ActionItemView {
        public static final String TYPE = "ActionItem";
        private final ActionItem item;
        private final ConferenceView conference;
        private final LocalDate today;

        ActionItemView(ActionItem item, ConferenceView conference, LocalDate today) {
            this.item = item;
            this.conference = conference;
            this.today = today;
        }

        @Ignore
        public ActionItem item() {
            return item;
        }

        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, item.id);
        }

        @NonNull
        public ConferenceView getConference() {
            return conference;
        }

        @NonNull
        public AgencyNode getAssignedAgency() {
            return AgencyNode.of(item.assignedAgency);
        }

        @NonNull
        public LocalDate getDueOn() {
            return item.dueOn;
        }

        @NonNull
        public ActionItem.Status getStatus() {
            return item.status;
        }

        public boolean isOverdue() {
            return !item.status.isFinal() && item.dueOn.isBefore(today);
        }

        @NonNull
        public OffsetDateTime getUpdatedAt() {
            return item.updatedAt;
        }

        public int getVersion() {
            return item.version;
        }
    }

    @Input("AddActionItemInput")
    public record AddActionItemInput(@Size(max = 100) String idempotencyKey,
                                     @Id @NonNull String conferenceId,
                                     @NonNull @NotNull @Size(max = 40) String assignedAgencyCode,
                                     @NonNull @NotNull @FreeText @Size(max = 2000) String description,
                                     @NonNull @NotNull LocalDate dueOn) {
    }

    @Input("UpdateActionItemInput")
    public record UpdateActionItemInput(@Id @NonNull String id,
                                        int version,
                                        @NonNull @NotNull ActionItem.Status status,
                                        @Description("Required when done.") @Size(max = 2000) String completionNote) {
    }

    @Input("ActionItemFilter")
    public record ActionItemFilter(ActionItem.Status status) {
    }

    @Type("AddActionItemPayload")
    public record AddActionItemPayload(@NonNull ActionItemView actionItem) {
    }

    @Type("UpdateActionItemPayload")
    public record UpdateActionItemPayload(@NonNull ActionItemView actionItem) {
    }

    public static class ActionItemConnection extends Connection<ActionItemView, ActionItemConnection.ActionItemEdge> {

        public record ActionItemEdge(@NonNull String cursor, @NonNull ActionItemView node) implements Edge<ActionItemView> {
        }

        ActionItemConnection(PageRequest page, List<ActionItemView> rows, long totalCount) {
            super(page, rows, i -> PageRequest.TimeAndId.key(i.item().dueOn.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), i.item().id),
                    i -> i, ActionItemEdge::new, totalCount);
        }
    }
}
