package org.casebridge.conference;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.ConferencePolicy;
import org.casebridge.access.ConferencePolicy.ConferenceSide;
import org.casebridge.access.Disclosure;
import org.casebridge.access.InformationCategory;
import org.casebridge.access.Route;
import org.casebridge.access.SharingDecision;
import org.casebridge.access.SharingDecisions;
import org.casebridge.agency.Agency;
import org.casebridge.casefile.CaseEnums;
import org.casebridge.casefile.CaseFile;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.conference.ActionItemTypes.ActionItemConnection;
import org.casebridge.conference.ActionItemTypes.ActionItemFilter;
import org.casebridge.conference.ActionItemTypes.ActionItemView;
import org.casebridge.conference.ActionItemTypes.AddActionItemInput;
import org.casebridge.conference.ConferenceTypes.AttendanceInput;
import org.casebridge.conference.ConferenceTypes.CallConferenceInput;
import org.casebridge.conference.ConferenceTypes.CancelConferenceInput;
import org.casebridge.conference.ConferenceTypes.ConferenceConnection;
import org.casebridge.conference.ConferenceTypes.ConferenceView;
import org.casebridge.conference.ConferenceTypes.InvitationInput;
import org.casebridge.conference.ConferenceTypes.InvitationView;
import org.casebridge.conference.ConferenceTypes.Minutes;
import org.casebridge.conference.ConferenceTypes.RecordConferenceInput;
import org.casebridge.conference.ConferenceTypes.RescheduleConferenceInput;
import org.casebridge.conference.ActionItemTypes.UpdateActionItemInput;
import org.casebridge.events.Events;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.HasHappened;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Case conferences: calling one on a sharing basis per invited agency, its minutes, and its action items. */
@ApplicationScoped
public class ConferenceService {

    static final Duration FURTHEST_AHEAD = Duration.ofDays(366);
    private static final String FETCH = "from Conference k join fetch k.survivorCase c join fetch c.leadAgency";
    private static final String ITEM_FETCH = """
            from ActionItem i join fetch i.assignedAgency join fetch i.conference k join fetch k.survivorCase c
            join fetch c.leadAgency""";

    private final AccessPolicy access;
    private final ConferencePolicy conferencePolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final SharingDecisions sharing;
    private final CaseService cases;
    private final Events events;
    private final EntityManager em;
    private final Clock clock;

    public ConferenceService(AccessPolicy access, ConferencePolicy conferencePolicy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys,
                             SharingDecisions sharing, CaseService cases, Events events, EntityManager em, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.conferencePolicy = conferencePolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.sharing = sharing;
        this.cases = cases;
        this.events = events;
        this.em = em;
    }

    // --- reading -----------------------------------------------------------------------------------------

    private record Visible(Conference conference, ConferenceSide side, List<String> invited) {
    }

    private Visible visible(String action, UUID id) {
        Conference conference = Conference.<Conference>find(FETCH + " where k.id = ?1", id).firstResult();
        List<String> invited = conference == null ? List.of() : invitedCodes(List.of(id)).getOrDefault(id, List.of());
        ConferenceSide side = conferencePolicy.mayViewConference(action, id, conference == null ? null : conference.survivorCase.id,
                conference == null ? null : conference.survivorCase.leadAgency.code, invited);
        return new Visible(conference, side, invited);
    }

    /**
     * The prologue of every change to a conference: the global ID in {@code field} decoded, the conference seen by
     * the caller, run by the caller's side ({@code mayRunConference}), on a case still open.
     */
    private Visible toRun(String action, String globalId, String field) {
        UUID id = GlobalId.decode(globalId, ConferenceView.TYPE, field);
        Visible visible = visible(action, id);
        Conference conference = visible.conference();
        conferencePolicy.mayRunConference(action, visible.side(), id, conference.survivorCase.id);
        CaseService.requireOpen(conference.survivorCase);
        return visible;
    }

    /** {@link #toRun} for a conference named by {@code input.id}, edited at the {@code version} the caller read. */
    private Visible toEdit(String action, String globalId, long version) {
        Visible visible = toRun(action, globalId, "input.id");
        ApiException.requireVersion("conference", visible.conference().version, version);
        return visible;
    }

    public Optional<ConferenceView> conference(UUID id) {
        return Optional.of(views(List.of(visible("conference.read", id).conference())).get(0));
    }

    /**
     * Whether a subscriber still follows a conference: the lead agency always; an invited agency while its invitation's
     * basis holds, so a revoked consent or a withdrawn decision ends its events from the next one on (DESIGN rule 5).
     * Runs on the events listener's thread, outside any request.
     */
    public Caller subscriber() {
        return conferencePolicy.mayFollowCaseWork();
    }

    /**
     * Whether a subscriber hears of this conference event: its agencies do, while they still follow it. Runs on the
     * events listener's thread, outside any request, for each subscriber in turn with the same notice: who follows is
     * read once per notice (one query for the conference, one for its invitations, one for all their grants).
     */
    @ActivateRequestContext
    public boolean hears(Caller subscriber, Notice notice) {
        if (!access.hears(subscriber, notice.agencies())) {
            return false;
        }
        NoticeFollowers last = lastFollowers.get();
        if (last == null || last.notice() != notice) {
            last = new NoticeFollowers(notice, followers(notice.id()));
            lastFollowers.set(last);
        }
        return conferencePolicy.follows(subscriber, last.followers());
    }

    /** The followers of the notice the listener is handing out (the same object to every subscriber). */
    private record NoticeFollowers(Notice notice, ConferencePolicy.ConferenceFollowers followers) {
    }

    private final AtomicReference<NoticeFollowers> lastFollowers = new AtomicReference<>();

    private ConferencePolicy.ConferenceFollowers followers(UUID conferenceId) {
        Conference conference = Conference.<Conference>find(FETCH + " where k.id = ?1", conferenceId).firstResult();
        if (conference == null) {
            return new ConferencePolicy.ConferenceFollowers(null, Set.of());
        }
        String lead = conference.survivorCase.leadAgency.code;
        List<Route> invitations = ConferenceInvitation.<ConferenceInvitation>list(
                        "from ConferenceInvitation v join fetch v.agency where v.conferenceId = ?1", conferenceId).stream()
                .map(v -> Route.invitation(v.id, conference.survivorCase.id, lead, v.agency.code, v.sharingDecisionId)).toList();
        return conferencePolicy.conferenceFollowers(lead, invitations);
    }

    /** Conferences your agency is invited to, latest first. */
    public ConferenceConnection invited(PageRequest page) {
        Caller caller = conferencePolicy.mayFollowCaseWork();
        String condition = "exists (select 1 from ConferenceInvitation v where v.conferenceId = k.id and v.agency.code = :agency)";
        Parameters params = Parameters.with("agency", caller.agencyCode());
        long total = TotalCount.of("from Conference k where " + condition, params);
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            // paged by when it was called: the meeting's time is shown only while the invitation's basis holds
            condition += " and (k.createdAt < :afterAt or (k.createdAt = :afterAt and k.id < :afterId))";
            params.and("afterAt", after.at()).and("afterId", after.id());
        }
        List<Conference> rows = Conference.<Conference>find(FETCH + " where " + condition
                + " order by k.createdAt desc, k.id desc" + page.limit(), params).list();
        return new ConferenceConnection(page, views(rows), total);
    }

    /** The conferences of cases the caller's agency leads, for the case view; other agencies see none here. */
    public Map<UUID, List<ConferenceView>> forCases(List<CaseView> caseViews) {
        List<UUID> lead = caseViews.stream().filter(v -> v.disclosure().leadAgency()).map(v -> v.file().id).toList();
        if (lead.isEmpty()) {
            return new HashMap<>();
        }
        return Rows.group(views(Conference.<Conference>list("survivorCase.id in ?1 order by scheduledAt, id", lead)),
                v -> v.conference().survivorCase.id);
    }

    /** Action items assigned to your agency, earliest due first. */
    public ActionItemConnection assigned(ActionItemFilter filter, PageRequest page) {
        Caller caller = conferencePolicy.mayFollowCaseWork();
        String condition = "i.assignedAgency.code = :agency";
        Parameters params = Parameters.with("agency", caller.agencyCode());
        if (filter != null && filter.status() != null) {
            condition += " and i.status = :status";
            params.and("status", filter.status());
        }
        long total = TotalCount.of("from ActionItem i where " + condition, params);
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            condition += " and (i.dueOn > :afterOn or (i.dueOn = :afterOn and i.id > :afterId))";
            params.and("afterOn", after.at().toLocalDate()).and("afterId", after.id());
        }
        List<ActionItem> rows = ActionItem.<ActionItem>find(ITEM_FETCH + " where " + condition + " order by i.dueOn, i.id"
                + page.limit(), params).list();
        return new ActionItemConnection(page, itemViews(rows), total);
    }

    /** The invitations of each conference, as far as the caller's route lets them see them (one query for all). */
    public Map<UUID, List<InvitationView>> invitations(List<ConferenceView> views) {
        Caller caller = access.caller();
        Map<UUID, ConferenceView> byId = views.stream().collect(Collectors.toMap(v -> v.conference().id, Function.identity(), (a, b) -> a));
        Map<UUID, List<InvitationView>> byConference = new HashMap<>();
        List<ConferenceInvitation> rows = ConferenceInvitation.list("from ConferenceInvitation v join fetch v.agency a "
                + "where v.conferenceId in ?1 order by a.code", byId.keySet());
        Map<UUID, SharingDecision> decisions = decisions(rows);
        for (ConferenceInvitation v : rows) {
            Disclosure disclosure = byId.get(v.conferenceId).getSurvivorCase().disclosure();
            ConferencePolicy.InvitationVisibility visibility = conferencePolicy.invitationVisibility(caller, disclosure, v.agency.code);
            if (visibility != ConferencePolicy.InvitationVisibility.HIDDEN) {
                byConference.computeIfAbsent(v.conferenceId, k -> new ArrayList<>()).add(new InvitationView(v,
                        v.sharingDecisionId == null ? null : decisions.get(v.sharingDecisionId), disclosure, visibility == ConferencePolicy.InvitationVisibility.WITH_BASIS));
            }
        }
        return byConference;
    }

    private static Map<UUID, SharingDecision> decisions(List<ConferenceInvitation> rows) {
        Set<UUID> ids = rows.stream().map(v -> v.sharingDecisionId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of()
                : SharingDecision.<SharingDecision>list("id in ?1", ids).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** The minutes, within the survivor's consent to the caller's agency: category CONFERENCE. */
    public Minutes minutes(ConferenceView view) {
        access.reveal(view.getSurvivorCase().disclosure(), InformationCategory.CONFERENCE);
        return new Minutes(view.conference());
    }

    /** What the conference is for, who the survivor brings, whether she is invited: CONFERENCE information. */
    public <T> T conferenceInformation(ConferenceView view, Function<Conference, T> field) {
        access.reveal(view.getSurvivorCase().disclosure(), InformationCategory.CONFERENCE);
        return field.apply(view.conference());
    }

    /** When and where it is held: for the lead agency, and for an invited agency while its invitation's basis holds. */
    public <T> T meetingDetail(ConferenceView view, Function<Conference, T> field) {
        access.revealWhileRouteOpen(view.getSurvivorCase().disclosure(), "the conference's date, time and place");
        return field.apply(view.conference());
    }

    /** An invited agency's attendance is CONFERENCE information. */
    public <T> T attendance(InvitationView view, Function<ConferenceInvitation, T> field) {
        access.reveal(view.disclosure(), InformationCategory.CONFERENCE);
        return field.apply(view.invitation());
    }

    /** What an action item says is CONFERENCE information; its status, due date and assignee are the item's own. */
    public <T> T actionItemText(ActionItemView view, Function<ActionItem, T> field) {
        access.reveal(view.getConference().getSurvivorCase().disclosure(), InformationCategory.CONFERENCE);
        return field.apply(view.item());
    }

    /** The action items of conferences whose minutes the caller may read (one query for all). */
    public Map<UUID, List<ActionItemView>> actionItems(List<Minutes> minutes) {
        List<UUID> ids = minutes.stream().map(m -> m.conference().id).toList();
        return Rows.group(itemViews(ActionItem.list(ITEM_FETCH + " where k.id in ?1 order by i.dueOn, i.id", ids)),
                v -> v.item().conference.id);
    }

    /**
     * Each conference as the caller reaches it: the lead agency's staff as the case's owners, an invited agency through
     * its invitation (the route), anyone else not at all. One query for the caller's invitations, one for the grants.
     */
    private List<ConferenceView> views(List<Conference> rows) {
        Caller caller = access.caller();
        List<UUID> notLed = rows.stream().filter(k -> !access.isLeadStaff(caller, k.survivorCase.leadAgency.code)).map(k -> k.id).toList();
        Map<UUID, ConferenceInvitation> own = notLed.isEmpty() || caller.agencyCode() == null ? Map.of()
                : ConferenceInvitation.<ConferenceInvitation>list("from ConferenceInvitation v join fetch v.agency a "
                        + "where v.conferenceId in ?1 and a.code = ?2", notLed, caller.agencyCode()).stream()
                .collect(Collectors.toMap(v -> v.conferenceId, Function.identity()));
        Map<Route, CaseFile> routes = new LinkedHashMap<>();
        Map<UUID, UUID> routeOf = new HashMap<>();
        for (Conference k : rows) {
            ConferenceInvitation invitation = own.get(k.id);
            UUID objectId = invitation == null ? k.id : invitation.id;
            routes.put(Route.invitation(objectId, k.survivorCase.id, k.survivorCase.leadAgency.code,
                    invitation == null ? null : invitation.agency.code, invitation == null ? null : invitation.sharingDecisionId,
                    k.cancelledAt),
                    k.survivorCase);
            routeOf.put(k.id, objectId);
        }
        Map<UUID, CaseView> caseViews = cases.viewsThrough(caller, routes);
        return rows.stream().map(k -> new ConferenceView(k, caseViews.get(routeOf.get(k.id)))).toList();
    }

    private List<ActionItemView> itemViews(List<ActionItem> rows) {
        Map<UUID, ConferenceView> conferences = views(rows.stream().map(i -> i.conference).distinct().toList()).stream()
                .collect(Collectors.toMap(v -> v.conference().id, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(i -> new ActionItemView(i, conferences.get(i.conference.id), today)).toList();
    }

    private Map<UUID, List<String>> invitedCodes(Collection<UUID> conferenceIds) {
        return Rows.group(em.createQuery(
                        "select v.conferenceId, a.code from ConferenceInvitation v join v.agency a where v.conferenceId in ?1", InvitedCode.class)
                .setParameter(1, conferenceIds).getResultList(), InvitedCode::conferenceId, InvitedCode::agencyCode);
    }

    /** HQL instantiates it from a select of the same shape, checking the select's types against its constructor. */
    public record InvitedCode(UUID conferenceId, String agencyCode) {
    }

    // --- calling and minuting ----------------------------------------------------------------------------

    @Transactional
    public ConferenceView call(CallConferenceInput input) {
        validation.check(input);
        CaseFile file = cases.openForWork("conference.call", input.caseId());
        Caller caller = access.caller();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.place() == null && input.link() == null) {
            throw ApiException.invalid("input.place", "Give the place, or a link for a remote conference");
        }
        if (input.scheduledAt().isBefore(file.openedAt) || input.scheduledAt().isAfter(now.plus(FURTHEST_AHEAD))) {
            throw ApiException.invalid("input.scheduledAt", "A conference is held between the case's opening and a year from now");
        }
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "callConference", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return conference(earlier.get()).orElseThrow();
        }
        Conference conference = new Conference();
        conference.id = id;
        conference.survivorCase = file;
        conference.calledBySubject = caller.subject();
        conference.calledByName = caller.username();
        conference.scheduledAt = input.scheduledAt();
        conference.place = input.place();
        conference.link = input.link();
        conference.purpose = input.purpose();
        conference.calledBecause = input.calledBecause();
        conference.calledBecauseNote = input.calledBecauseNote();
        conference.survivorInvited = input.survivorInvited();
        conference.supportsInvited = input.supportsInvited();
        conference.status = Conference.Status.SCHEDULED;
        conference.createdAt = now;
        conference.updatedAt = now;
        conference.persist();
        Set<String> seen = new HashSet<>();
        List<String> invitedCodes = new ArrayList<>();
        for (int i = 0; i < input.invitations().size(); i++) {
            InvitationInput invitation = input.invitations().get(i);
            String field = "input.invitations[" + i + "]";
            if (invitation == null) {
                throw ApiException.invalid(field, "An invitation is required");
            }
            Agency agency = Agency.byCode(invitation.agencyCode())
                    .orElseThrow(() -> ApiException.invalid(field + ".agencyCode", "No agency with this code"));
            if (agency.id.equals(file.leadAgency.id) || !seen.add(agency.code)) {
                throw ApiException.invalid(field + ".agencyCode", "Invite each partner agency once; the lead agency takes part anyway");
            }
            ConferenceInvitation row = new ConferenceInvitation();
            row.id = UUID.randomUUID();
            row.conferenceId = id;
            row.agency = agency;
            row.sharingDecisionId = sharing.shareBasis(caller, "conference.call", file.id, agency, invitation.sharingDecision(),
                    Route.Kind.INVITATION, row.id, field + ".sharingDecision");
            row.persist();
            invitedCodes.add(agency.code);
        }
        audit.allowed(caller, AuditLog.Entry.of("conference.call", "Conference", id, file.id)
                .withDetail("invited " + String.join(",", invitedCodes)));
        publish(conference, invitedCodes, "CALLED");
        return views(List.of(conference)).get(0);
    }

    @Transactional
    public ConferenceView record(RecordConferenceInput input) {
        validation.check(input);
        Visible visible = toEdit("conference.record", input.id(), input.version());
        Conference conference = visible.conference();
        UUID id = conference.id;
        Caller caller = access.caller();
        requireNotCancelled(conference);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!HasHappened.Check.happened(conference.scheduledAt, clock)) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The conference has not taken place yet");
        }
        if (input.attendance() != null) {
            Map<String, ConferenceInvitation> invitations = ConferenceInvitation.<ConferenceInvitation>list(
                            "from ConferenceInvitation v join fetch v.agency where v.conferenceId = ?1", id).stream()
                    .collect(Collectors.toMap(v -> v.agency.code, Function.identity()));
            for (int i = 0; i < input.attendance().size(); i++) {
                AttendanceInput attendance = input.attendance().get(i);
                ConferenceInvitation invitation = attendance == null ? null : invitations.get(attendance.agencyCode());
                if (invitation == null) {
                    throw ApiException.invalid("input.attendance[" + i + "].agencyCode", "This agency was not invited");
                }
                invitation.attended = attendance.attended();
                invitation.attendees = attendance.attendees();
            }
        }
        if (input.survivorAttended() != null) conference.survivorAttended = input.survivorAttended();
        if (input.progressReviewed() != null) conference.progressReviewed = input.progressReviewed();
        if (input.barriersReviewed() != null) conference.barriersReviewed = input.barriersReviewed();
        if (input.decisions() != null) conference.decisions = input.decisions();
        if (input.ongoingIssues() != null) conference.ongoingIssues = input.ongoingIssues();
        conference.status = Conference.Status.HELD;
        conference.updatedAt = now;
        return changed(caller, visible, AuditLog.Entry.of("conference.record", "Conference", id, conference.survivorCase.id)
                .withCategories(Set.of(InformationCategory.CONFERENCE)), "MINUTES_RECORDED");
    }

    // --- action items ------------------------------------------------------------------------------------

    @Transactional
    public ActionItemView addItem(AddActionItemInput input) {
        validation.check(input);
        Visible visible = toRun("actionitem.add", input.conferenceId(), "input.conferenceId");
        Conference conference = visible.conference();
        requireNotCancelled(conference);
        Caller caller = access.caller();
        Agency assigned = Agency.byCode(input.assignedAgencyCode())
                .filter(a -> a.code.equals(conference.survivorCase.leadAgency.code) || visible.invited().contains(a.code))
                .orElseThrow(() -> ApiException.invalid("input.assignedAgencyCode", "Assign the item to the lead agency or an invited agency"));
        LocalDate conferenceDay = conference.scheduledAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        if (input.dueOn().isBefore(conferenceDay) || input.dueOn().isAfter(LocalDate.now(clock).plusYears(1))) {
            throw ApiException.invalid("input.dueOn", "An action item falls due between the conference and a year from now");
        }
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "addActionItem", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return itemViews(ActionItem.list(ITEM_FETCH + " where i.id = ?1", earlier.get())).get(0);
        }
        ActionItem item = new ActionItem();
        item.id = id;
        item.conference = conference;
        item.assignedAgency = assigned;
        item.description = input.description();
        item.dueOn = input.dueOn();
        item.status = ActionItem.Status.OPEN;
        item.updatedAt = OffsetDateTime.now(clock);
        item.persist();
        audit.allowed(caller, AuditLog.Entry.of("actionitem.add", "ActionItem", id, conference.survivorCase.id)
                .withDetail("to " + assigned.code));
        // an item is news for the agency it is assigned to, not for every agency invited
        publish(conference, List.of(assigned.code), "ACTION_ITEM_ADDED", id);
        return itemViews(List.of(item)).get(0);
    }

    @Transactional
    public ActionItemView updateItem(UpdateActionItemInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), ActionItemView.TYPE, "input.id");
        ActionItem item = ActionItem.<ActionItem>find(ITEM_FETCH + " where i.id = ?1", id).firstResult();
        Visible visible = item == null ? visible("actionitem.update", null) : visible("actionitem.update", item.conference.id);
        UUID caseId = item.conference.survivorCase.id;
        conferencePolicy.mayUpdateActionItem(id, caseId, item.assignedAgency.code);
        CaseService.requireNotClosed(item.conference.survivorCase);
        Caller caller = access.caller();
        ApiException.requireVersion("action item", item.version, input.version());
        if (!item.status.mayMoveTo(input.status())) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, item.status.isFinal() ? "The action item is already " + item.status
                    : "An action item " + item.status + " moves on to " + item.status.moves() + ", not to " + input.status());
        }
        if (input.status() == ActionItem.Status.DONE && (input.completionNote() == null || input.completionNote().isBlank())) {
            throw ApiException.invalid("input.completionNote", "Say what was done");
        }
        ActionItem.Status from = item.status;
        item.status = input.status();
        if (input.completionNote() != null) item.completionNote = input.completionNote();
        item.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        audit.allowed(caller, AuditLog.Entry.of("actionitem.update", "ActionItem", id, caseId).withDetail(from + "->" + item.status));
        publish(item.conference, List.of(item.assignedAgency.code), "ACTION_ITEM_UPDATED", id);
        return itemViews(List.of(item)).get(0);
    }

    /**
     * What {@link #updateItem} would let the caller move the item to now: its status's moves, for the agency it is
     * assigned to only, none while the case is closed.
     */
    public List<ActionItem.Status> nextStatuses(ActionItemView view) {
        ActionItem item = view.item();
        if (!conferencePolicy.updatesActionItem(access.caller(), item.conference.survivorCase.leadAgency.code, item.assignedAgency.code)
                || item.conference.survivorCase.status == CaseEnums.CaseStatus.CLOSED) {
            return List.of();
        }
        return item.status.moves();
    }

    // --- rescheduling and cancelling ---------------------------------------------------------------------

    /** A new date, time and place (or link) for a conference not yet held, announced as {@code RESCHEDULED}. */
    @Transactional
    public ConferenceView reschedule(RescheduleConferenceInput input) {
        validation.check(input);
        Visible visible = toEdit("conference.reschedule", input.id(), input.version());
        Conference conference = visible.conference();
        UUID id = conference.id;
        requireScheduled(conference);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.place() == null && input.link() == null) {
            throw ApiException.invalid("input.place", "Give the place, or a link for a remote conference");
        }
        if (input.scheduledAt().isBefore(conference.survivorCase.openedAt) || input.scheduledAt().isAfter(now.plus(FURTHEST_AHEAD))) {
            throw ApiException.invalid("input.scheduledAt", "A conference is held between the case's opening and a year from now");
        }
        conference.scheduledAt = input.scheduledAt();
        conference.place = input.place();
        conference.link = input.link();
        conference.updatedAt = now;
        return changed(access.caller(), visible, AuditLog.Entry.of("conference.reschedule", "Conference", id, conference.survivorCase.id),
                "RESCHEDULED");
    }

    /** Cancels a conference not yet held, with the reason, announced as {@code CANCELLED}; it cannot change after. */
    @Transactional
    public ConferenceView cancel(CancelConferenceInput input) {
        validation.check(input);
        Visible visible = toEdit("conference.cancel", input.id(), input.version());
        Conference conference = visible.conference();
        UUID id = conference.id;
        requireScheduled(conference);
        OffsetDateTime now = OffsetDateTime.now(clock);
        conference.status = Conference.Status.CANCELLED;
        conference.cancelledAt = now;
        conference.cancellationReason = input.reason();
        conference.updatedAt = now;
        // the reason is the survivor's CONFERENCE information: it stays out of the audit log's detail
        return changed(access.caller(), visible, AuditLog.Entry.of("conference.cancel", "Conference", id, conference.survivorCase.id)
                .withDetail("SCHEDULED->CANCELLED"), "CANCELLED");
    }

    /**
     * The epilogue of every change to a conference: written (flushed, so a stale version fails here and nothing is
     * audited or announced), audited, announced to the lead and the invited agencies as {@code change}, and answered.
     */
    private ConferenceView changed(Caller caller, Visible visible, AuditLog.Entry entry, String change) {
        em.flush();
        audit.allowed(caller, entry);
        publish(visible.conference(), visible.invited(), change);
        return views(List.of(visible.conference())).get(0);
    }

    private static void requireNotCancelled(Conference conference) {
        if (conference.status == Conference.Status.CANCELLED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The conference was cancelled");
        }
    }

    private static void requireScheduled(Conference conference) {
        requireNotCancelled(conference);
        if (conference.status != Conference.Status.SCHEDULED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "The conference has already been held");
        }
    }

    private void publish(Conference conference, List<String> invited, String change) {
        publish(conference, invited, change, null);
    }

    private void publish(Conference conference, List<String> invited, String change, UUID itemId) {
        events.publish(new Notice(Notice.Kind.CONFERENCE, conference.id, change,
                Stream.concat(Stream.of(conference.survivorCase.leadAgency.code), invited.stream()).toList(),
                OffsetDateTime.now(clock), itemId));
    }
}
