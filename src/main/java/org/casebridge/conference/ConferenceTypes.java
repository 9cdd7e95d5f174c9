package org.casebridge.conference;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.access.Disclosure;
import org.casebridge.access.SharingBasis;
import org.casebridge.access.SharingDecision;
import org.casebridge.access.SharingDecisionInput;
import org.casebridge.access.SharingDecisionView;
import org.casebridge.agency.AgencyNode;
import org.casebridge.casefile.CaseView;
import org.casebridge.graphql.Connection;
import org.casebridge.graphql.Edge;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.Node;
import org.casebridge.graphql.PageRequest;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

/** Case conferences, their invitations and minutes: views, inputs, payloads and connections. */
public final class ConferenceTypes {

    private ConferenceTypes() {
    }

    @Type("Conference")
    @Description("A case conference. Invited agencies see it and, within the survivor's consent, its minutes (category CONFERENCE).")
    public static class ConferenceView implements Node {
        public static final String TYPE = "Conference";
        private final Conference conference;
        private final CaseView survivorCase;

        ConferenceView(Conference conference, CaseView survivorCase) {
            this.conference = conference;
            this.survivorCase = survivorCase;
        }

        @Ignore
        public Conference conference() {
            return conference;
        }

        @Override
        @Id
        @NonNull
        public String getId() {
            return GlobalId.encode(TYPE, conference.id);
        }

        @NonNull
        @Description("The case, with the categories the survivor consented to share with your agency for conferences.")
        @org.eclipse.microprofile.graphql.Name("case")
        public CaseView getSurvivorCase() {
            return survivorCase;
        }

        @NonNull
        public Conference.Status getStatus() {
            return conference.status;
        }

        @Description("Who called it: null for an invited agency once its invitation's basis has lapsed.")
        public String getCalledByName() {
            return survivorCase.disclosure().routeOpen() ? conference.calledByName : null;
        }

        @Description("When it was cancelled, if it was.")
        public OffsetDateTime getCancelledAt() {
            return conference.cancelledAt;
        }

        public int getVersion() {
            return conference.version;
        }
    }

    @Type("ConferenceMinutes")
    @Description("What the conference reviewed and decided (category CONFERENCE).")
    public static class Minutes {
        private final Conference conference;

        Minutes(Conference conference) {
            this.conference = conference;
        }

        @Ignore
        public Conference conference() {
            return conference;
        }

        public Boolean getSurvivorAttended() {
            return conference.survivorAttended;
        }

        @Description("Progress towards the action plan's goals.")
        public String getProgressReviewed() {
            return conference.progressReviewed;
        }

        @Description("Barriers to reaching the goals.")
        public String getBarriersReviewed() {
            return conference.barriersReviewed;
        }

        public String getDecisions() {
            return conference.decisions;
        }

        @Description("Ongoing issues identified or clarified (module 14).")
        public String getOngoingIssues() {
            return conference.ongoingIssues;
        }
    }

    @Type("ConferenceInvitation")
    @Description("An agency invited to the conference. Its attendance is CONFERENCE information.")
    public static class InvitationView {
        private final ConferenceInvitation invitation;
        private final SharingDecision decision;
        private final Disclosure disclosure;
        private final boolean callersOwn;

        InvitationView(ConferenceInvitation invitation, SharingDecision decision, Disclosure disclosure, boolean callersOwn) {
            this.invitation = invitation;
            this.decision = decision;
            this.disclosure = disclosure;
            this.callersOwn = callersOwn;
        }

        @Ignore
        public ConferenceInvitation invitation() {
            return invitation;
        }

        @Ignore
        public Disclosure disclosure() {
            return disclosure;
        }

        @NonNull
        public AgencyNode getAgency() {
            return AgencyNode.of(invitation.agency);
        }

        @Description("What the invitation was made on. Shown to the lead agency and to the invited agency for its own "
                + "invitation; null for another agency's.")
        public SharingBasis getSharingBasis() {
            return disclosure.leadAgency() || callersOwn ? SharingBasis.of(decision == null ? null : decision.kind) : null;
        }

        @Description("The supervisor's sharing decision recorded for this invitation, with its end (lead agency only).")
        public SharingDecisionView getSharingDecision() {
            return decision != null && disclosure.leadAgency() ? SharingDecisionView.of(decision, disclosure) : null;
        }
    }

    @Input("ConferenceInvitationInput")
    public record InvitationInput(@NonNull @NotNull @Size(max = 40) String agencyCode,
                                  @Description("Only for a supervisor inviting without a CASE_CONFERENCE or COORDINATION consent.")
                                  @Valid SharingDecisionInput sharingDecision) {
    }

    @Input("CallConferenceInput")
    public record CallConferenceInput(@Size(max = 100) String idempotencyKey,
                                      @Id @NonNull String caseId,
                                      @NonNull @NotNull OffsetDateTime scheduledAt,
                                      @Description("Where, or give a link.") @Size(max = 300) String place,
                                      @Size(max = 500) String link,
                                      @NonNull @NotNull @FreeText @Size(max = 2000) String purpose,
                                      @Description("Why it was called: \"often scheduled when survivor's needs aren't being met\".")
                                      Conference.CalledBecause calledBecause,
                                      @Size(max = 2000) String calledBecauseNote,
                                      boolean survivorInvited,
                                      @Description("The close supports she chose, if she wants them there.") @Size(max = 500) String supportsInvited,
                                      @NonNull @NotNull @Size(min = 1, max = 20) List<@NonNull @Valid InvitationInput> invitations) {
    }

    @Input("AttendanceInput")
    public record AttendanceInput(@NonNull @NotNull @Size(max = 40) String agencyCode, boolean attended,
                                  @Size(max = 500) String attendees) {
    }

    @Input("RecordConferenceInput")
    @Description("The minutes: attendance, progress and barriers reviewed, decisions. Marks the conference held.")
    public record RecordConferenceInput(@Id @NonNull String id,
                                        int version,
                                        Boolean survivorAttended,
                                        @Size(max = 20) @Nullable List<@NonNull @Valid AttendanceInput> attendance,
                                        @Size(max = 8000) String progressReviewed,
                                        @Size(max = 8000) String barriersReviewed,
                                        @Size(max = 8000) String decisions,
                                        @Description("Ongoing issues identified or clarified.") @Size(max = 8000) String ongoingIssues) {
    }

    @Type("CallConferencePayload")
    public record CallConferencePayload(@NonNull ConferenceView conference) {
    }

    @Type("RecordConferencePayload")
    public record RecordConferencePayload(@NonNull ConferenceView conference) {
    }

    @Input("RescheduleConferenceInput")
    @Description("A new date, time and place (or link) for a conference not yet held or cancelled.")
    public record RescheduleConferenceInput(@Id @NonNull String id,
                                            int version,
                                            @NonNull @NotNull OffsetDateTime scheduledAt,
                                            @Description("Where, or give a link.") @Size(max = 300) String place,
                                            @Size(max = 500) String link) {
    }

    @Input("CancelConferenceInput")
    @Description("Cancels a conference not yet held. The reason is CONFERENCE information.")
    public record CancelConferenceInput(@Id @NonNull String id,
                                        int version,
                                        @NonNull @NotNull @FreeText @Size(max = 2000) String reason) {
    }

    @Type("RescheduleConferencePayload")
    public record RescheduleConferencePayload(@NonNull ConferenceView conference) {
    }

    @Type("CancelConferencePayload")
    public record CancelConferencePayload(@NonNull ConferenceView conference) {
    }

    @Type("ConferenceEvent")
    @Description("Something happened to a conference your agency is part of. Carries no survivor information.")
    public record ConferenceEventView(@Id @NonNull String conferenceId, @NonNull String change, @NonNull OffsetDateTime at) {
    }

    public static class ConferenceConnection extends Connection<ConferenceView, ConferenceConnection.ConferenceEdge> {

        public record ConferenceEdge(@NonNull String cursor, @NonNull ConferenceView node) implements Edge<ConferenceView> {
        }

        ConferenceConnection(PageRequest page, List<ConferenceView> rows, long totalCount) {
            super(page, rows, c -> PageRequest.TimeAndId.key(c.conference().createdAt, c.conference().id), c -> c,
                    ConferenceEdge::new, totalCount);
        }
    }
}
