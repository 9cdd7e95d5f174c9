package org.casebridge.conference;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.inject.Produces;
import org.casebridge.access.Caller;
import org.casebridge.casefile.CaseView;
import org.casebridge.conference.ActionItemTypes.ActionItemConnection;
import org.casebridge.conference.ActionItemTypes.ActionItemFilter;
import org.casebridge.conference.ActionItemTypes.ActionItemView;
import org.casebridge.conference.ActionItemTypes.AddActionItemInput;
import org.casebridge.conference.ActionItemTypes.AddActionItemPayload;
import org.casebridge.conference.ConferenceTypes.CallConferenceInput;
import org.casebridge.conference.ConferenceTypes.CallConferencePayload;
import org.casebridge.conference.ConferenceTypes.CancelConferenceInput;
import org.casebridge.conference.ConferenceTypes.CancelConferencePayload;
import org.casebridge.conference.ConferenceTypes.ConferenceConnection;
import org.casebridge.conference.ConferenceTypes.ConferenceEventView;
import org.casebridge.conference.ConferenceTypes.ConferenceView;
import org.casebridge.conference.ConferenceTypes.InvitationView;
import org.casebridge.conference.ConferenceTypes.Minutes;
import org.casebridge.conference.ConferenceTypes.RecordConferenceInput;
import org.casebridge.conference.ConferenceTypes.RecordConferencePayload;
import org.casebridge.conference.ConferenceTypes.RescheduleConferenceInput;
import org.casebridge.conference.ConferenceTypes.RescheduleConferencePayload;
import org.casebridge.conference.ActionItemTypes.UpdateActionItemInput;
import org.casebridge.conference.ActionItemTypes.UpdateActionItemPayload;
import org.casebridge.events.EventsHub;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@GraphQLApi
public class ConferenceApi {

    private final ConferenceService conferences;
    private final EventsHub hub;

    public ConferenceApi(ConferenceService conferences, EventsHub hub) {
        this.conferences = conferences;
        this.hub = hub;
    }

    @Description("A conference your agency called or is invited to; anything else answers NOT_FOUND.")
    @Query
    public ConferenceView conference(@Id @NonNull String id) {
        return conferences.conference(GlobalId.decode(id, ConferenceView.TYPE, "id")).orElseThrow(() -> ApiException.notFound("Conference"));
    }

    @Query
    @Description("Conferences your agency is invited to, most recently called first.")
    public ConferenceConnection conferenceInvitations(Integer first, String after) {
        return conferences.invited(PageRequest.of(first, after));
    }

    @Query
    @Description("Action items assigned to your agency, earliest due first.")
    public ActionItemConnection actionItemsAssigned(ActionItemFilter filter, Integer first, String after) {
        return conferences.assigned(filter, PageRequest.of(first, after));
    }

    @Mutation
    @Description("Calls a case conference. Each invited agency needs a CASE_CONFERENCE or COORDINATION consent, or a "
            + "supervisor's sharing decision.")
    public CallConferencePayload callConference(@NonNull CallConferenceInput input) {
        return new CallConferencePayload(conferences.call(input));
    }

    @Mutation
    @Description("Records the conference: attendance, progress and barriers reviewed, decisions.")
    public RecordConferencePayload recordConference(@NonNull RecordConferenceInput input) {
        return new RecordConferencePayload(conferences.record(input));
    }

    @Mutation
    @Description("Adds an action item for the lead agency or an invited agency, with a due date.")
    public AddActionItemPayload addActionItem(@NonNull AddActionItemInput input) {
        return new AddActionItemPayload(conferences.addItem(input));
    }

    @Mutation
    @Description("Updates an action item's status and completion note: only the agency it is assigned to.")
    public UpdateActionItemPayload updateActionItem(@NonNull UpdateActionItemInput input) {
        return new UpdateActionItemPayload(conferences.updateItem(input));
    }

    @Mutation
    @Description("Moves a conference not yet held to a new date, time and place or link: the lead agency's caseworkers and "
            + "supervisors. Invited agencies hear of it (conference.changed).")
    public RescheduleConferencePayload rescheduleConference(@NonNull RescheduleConferenceInput input) {
        return new RescheduleConferencePayload(conferences.reschedule(input));
    }

    @Mutation
    @Description("Cancels a conference not yet held, with the reason: the lead agency's caseworkers and supervisors. A cancelled "
            + "conference is not minuted or rescheduled. Invited agencies hear of it (conference.changed, status CANCELLED).")
    public CancelConferencePayload cancelConference(@NonNull CancelConferenceInput input) {
        return new CancelConferencePayload(conferences.cancel(input));
    }

    @Subscription
    @Description("Conferences your agency leads or is invited to: called, rescheduled, cancelled, minuted, action items added or updated. "
            + "Carries no survivor information; fetch the conference for what you may see. Delivered on every replica.")
    public Multi<ConferenceEventView> conferenceEvents() {
        Caller caller = conferences.subscriber();
        return hub.notices()
                .filter(n -> n.kind() == Notice.Kind.CONFERENCE && conferences.hears(caller, n))
                .map(n -> new ConferenceEventView(GlobalId.encode(ConferenceView.TYPE, n.id()), n.change(), n.at()));
    }

    @NonNull
    @Description("The agencies invited. An invited agency sees its own invitation, and the others only as CONFERENCE information.")
    public List<@NonNull List<@NonNull InvitationView>> invitations(@Source List<ConferenceView> views) {
        return Rows.inOrderOf(views, conferences.invitations(views), v -> v.conference().id);
    }

    @Description("When it is held: for invited agencies only while their invitation's basis holds.")
    public OffsetDateTime scheduledAt(@Source ConferenceView conference) {
        return conferences.meetingDetail(conference, k -> k.scheduledAt);
    }

    @Description("Where it is held: for invited agencies only while their invitation's basis holds.")
    public String place(@Source ConferenceView conference) {
        return conferences.meetingDetail(conference, k -> k.place);
    }

    @Description("A meeting link, for a conference held remotely: for invited agencies only while their invitation's basis holds.")
    public String link(@Source ConferenceView conference) {
        return conferences.meetingDetail(conference, k -> k.link);
    }

    @Description("What the conference is for (category CONFERENCE).")
    public String purpose(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.purpose);
    }

    @Description("Why the conference was called (category CONFERENCE).")
    public Conference.CalledBecause calledBecause(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.calledBecause);
    }

    @Description("Why it was called, in words (category CONFERENCE).")
    public String calledBecauseNote(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.calledBecauseNote);
    }

    @Description("Whether the survivor is invited (category CONFERENCE).")
    public Boolean survivorInvited(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.survivorInvited);
    }

    @Description("The close supports the survivor chose to bring, if invited (category CONFERENCE).")
    public String supportsInvited(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.supportsInvited);
    }

    @Description("Why it was cancelled (category CONFERENCE).")
    public String cancellationReason(@Source ConferenceView conference) {
        return conferences.conferenceInformation(conference, k -> k.cancellationReason);
    }

    @Description("Whether the agency attended (category CONFERENCE).")
    public Boolean attended(@Source InvitationView invitation) {
        return conferences.attendance(invitation, v -> v.attended);
    }

    @Description("Who came for the agency (category CONFERENCE).")
    public String attendees(@Source InvitationView invitation) {
        return conferences.attendance(invitation, v -> v.attendees);
    }

    @Description("What the agency is to do (category CONFERENCE).")
    public String description(@Source ActionItemView item) {
        return conferences.actionItemText(item, i -> i.description);
    }

    @Description("What was done (category CONFERENCE).")
    public String completionNote(@Source ActionItemView item) {
        return conferences.actionItemText(item, i -> i.completionNote);
    }

    @NonNull
    @Description("The statuses your agency may move this action item to now with updateActionItem: forward only (an "
            + "open item to in progress, done or cancelled; one in progress to done or cancelled), for the agency it is "
            + "assigned to; none once it is done or cancelled, or while the case is closed. A UI offers these moves and no others.")
    public List<ActionItem.@NonNull Status> nextStatuses(@Source ActionItemView item) {
        return conferences.nextStatuses(item);
    }

    @Description("Category CONFERENCE: what was reviewed and decided, and the action items.")
    public Minutes minutes(@Source ConferenceView conference) {
        return conferences.minutes(conference);
    }

    @NonNull
    public List<@NonNull List<@NonNull ActionItemView>> actionItems(@Source List<Minutes> minutes) {
        return Rows.inOrderOf(minutes, conferences.actionItems(minutes), m -> m.conference().id);
    }

    @Name("conferences")
    @Description("The conferences of this case (lead agency only; invited agencies use conferenceInvitations).")
    public List<@NonNull List<@NonNull ConferenceView>> caseConferences(@Source List<CaseView> cases) {
        return Rows.inOrderOf(cases, conferences.forCases(cases), c -> c.file().id);
    }

    @Produces
    static NodeLoader conferences(ConferenceService conferences) {
        return new NodeLoader(ConferenceView.TYPE, conferences::conference);
    }
}
