package org.casebridge.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.Route;
import org.casebridge.access.WebhookPolicy;
import org.casebridge.events.Notice;
import org.casebridge.graphql.GlobalId;
import org.casebridge.runtime.Rows;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Writes webhook events into the outbox in the transaction of the change they announce: an event that commits is
 * delivered (by any replica, whenever it gets to it), one that rolls back never existed. Each event gets one delivery
 * per endpoint of the agencies {@link WebhookPolicy} lets hear of it that asked for its type. Payloads are id-only:
 * the type, the object's global ID, its new status, the agency codes and the time — never survivor information.
 */
@ApplicationScoped
public class WebhookOutbox {

    /** An event as it will be posted; {@code caseId} only in notices telling a system to drop what it holds of a case. */
    record Event(WebhookEventType type, String objectType, UUID objectId, String status, UUID caseId, List<String> agencies,
                 OffsetDateTime at, UUID conferenceId) {
        Event(WebhookEventType type, String objectType, UUID objectId, String status, UUID caseId, List<String> agencies,
              OffsetDateTime at) {
            this(type, objectType, objectId, status, caseId, agencies, at, null);
        }

        /**
         * The agencies {@code recipient} may be told of: the first (the lead or referring agency) knows them all; any
         * other only the first and itself, as the API shows an invited agency its own invitation and not the others'.
         */
        List<String> agenciesKnownTo(String recipient) {
            String first = agencies.get(0);
            return first.equals(recipient) ? agencies
                    : agencies.stream().filter(a -> a.equals(first) || a.equals(recipient)).distinct().toList();
        }

        Event naming(List<String> known) {
            return new Event(type, objectType, objectId, status, caseId, known, at, conferenceId);
        }
    }

    /** Fired when a transaction wrote deliveries; the sender of this replica sends them once it commits. */
    public record Written() {
    }

    private record InvitationRow(UUID id, UUID caseId, String lead, String agency, UUID sharingDecisionId) {
    }

    /** Who held a lapsed grant, and whether an invitation could have stood on it (a consent for conferences). */
    private record ConsentHolder(UUID caseId, String lead, String recipient, Boolean conferenceBasis) {
    }

    private record RouteRow(String kind, UUID id, UUID conferenceId, UUID sharingDecisionId, OffsetDateTime cancelledAt) {
    }

    private record ClosedRoute(UUID id, UUID caseId, String status, String fromCode, String toCode) {
    }

    private final WebhookPolicy policy;
    private final EntityManager em;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<Written> written;

    public WebhookOutbox(WebhookPolicy policy, EntityManager em, Clock clock, jakarta.enterprise.event.Event<Written> written) {
        this.policy = policy;
        this.em = em;
        this.clock = clock;
        this.written = written;
    }

    /** The outbox side of {@code Events.publish}: called in the transaction of the change. */
    public void record(Notice notice) {
        switch (notice.kind()) {
            case REFERRAL -> referral(notice);
            case CONFERENCE -> conference(notice);
            case CONSENT -> consentRevoked(notice);
            case SHARING_DECISION -> lapsedDecision(WebhookEventType.CONSENT_REVOKED, notice.id(), notice.at());
        }
    }

    private void referral(Notice notice) {
        WebhookEventType type = switch (notice.change()) {
            case "REQUESTED" -> WebhookEventType.REFERRAL_REQUESTED;
            case "EXPIRED" -> WebhookEventType.REFERRAL_EXPIRED;
            default -> WebhookEventType.REFERRAL_STATUS_CHANGED;
        };
        // the referral's own status stays visible to both agencies after its route closes (DESIGN rule 2a)
        write(new Event(type, "Referral", notice.id(), notice.change(), null, notice.agencies(), notice.at()), Set.copyOf(notice.agencies()));
        if (Set.of("REJECTED", "CANCELLED", "EXPIRED").contains(notice.change())) {
            String receiver = notice.agencies().get(1);
            write(new Event(WebhookEventType.ROUTE_CLOSED, "Referral", notice.id(), notice.change(), caseOfReferral(notice.id()),
                    notice.agencies(), notice.at()), Set.of(receiver));
        }
    }

    private void conference(Notice notice) {
        WebhookEventType type = switch (notice.change()) {
            case "CALLED" -> WebhookEventType.CONFERENCE_CALLED;
            case "MINUTES_RECORDED" -> WebhookEventType.CONFERENCE_MINUTED;
            case "RESCHEDULED", "CANCELLED" -> WebhookEventType.CONFERENCE_CHANGED;
            case "ACTION_ITEM_ADDED" -> WebhookEventType.ACTION_ITEM_ASSIGNED;
            case "ACTION_ITEM_UPDATED" -> WebhookEventType.ACTION_ITEM_UPDATED;
            default -> null;
        };
        if (type == null || !anyEndpointWants(type, notice.agencies())) {
            return;
        }
        em.flush();
        List<Route> invitations = Rows.read(em, InvitationRow.class, """
                        select v.id, c.id as case_id, l.code as lead, a.code as agency, v.sharing_decision_id
                        from conference_invitation v join agency a on a.id = v.agency_id join conference k on k.id = v.conference_id
                        join survivor_case c on c.id = k.case_id join agency l on l.id = c.lead_agency_id
                        where v.conference_id = ?1""", notice.id()).stream()
                .map(v -> Route.invitation(v.id(), v.caseId(), v.lead(), v.agency(), v.sharingDecisionId())).toList();
        String lead = notice.agencies().get(0);
        // an action item's notice names the item, with its own status, and the conference it belongs to
        Event event = notice.itemId() == null
                ? new Event(type, "Conference", notice.id(), conferenceStatus(notice.change()), null, notice.agencies(), notice.at())
                : new Event(type, "ActionItem", notice.itemId(), (String) em.createNativeQuery("select status from action_item where id = ?1")
                        .setParameter(1, notice.itemId()).getSingleResult(), null, notice.agencies(), notice.at(), notice.id());
        write(event, policy.conferenceAudience(lead, invitations, notice.agencies()));
    }

    /** A rescheduled conference is still {@code SCHEDULED}; the other changes are their own status (CANCELLED, CALLED, …). */
    private static String conferenceStatus(String change) {
        return change.equals("RESCHEDULED") ? "SCHEDULED" : change;
    }

    /** A revoked consent: its holder is told (if it ever had a route to the case), and of each invitation it lapsed. */
    private void consentRevoked(Notice notice) {
        lapsedConsent(WebhookEventType.CONSENT_REVOKED, notice.id(), notice.at());
    }

    private void lapsedConsent(WebhookEventType type, UUID consentId, OffsetDateTime at) {
        List<ConsentHolder> holders = Rows.read(em, ConsentHolder.class, """
                select c.case_id, l.code as lead, r.code as recipient, c.purpose in ('CASE_CONFERENCE', 'COORDINATION') as conference_basis
                from consent c join agency r on r.id = c.recipient_agency_id
                join survivor_case s on s.id = c.case_id join agency l on l.id = s.lead_agency_id where c.id = ?1""", consentId);
        lapsedGrant(type, "Consent", consentId, type == WebhookEventType.CONSENT_REVOKED ? "REVOKED" : "EXPIRED", holders, at,
                invitation -> holders.get(0).conferenceBasis());
    }

    /**
     * A supervisor's sharing decision withdrawn or run out: to its recipient it is what a revoked or expired consent is
     * (drop what you hold of the case that the decision let you see), so it goes out under the consent types.
     */
    private void lapsedDecision(WebhookEventType type, UUID decisionId, OffsetDateTime at) {
        List<ConsentHolder> holders = Rows.read(em, ConsentHolder.class, """
                select d.case_id, l.code as lead, r.code as recipient, false as conference_basis
                from sharing_decision d join agency r on r.id = d.recipient_agency_id
                join survivor_case s on s.id = d.case_id join agency l on l.id = s.lead_agency_id where d.id = ?1""", decisionId);
        // a decision covers only the object it was recorded with: the one invitation made on it, if any
        lapsedGrant(type, "SharingDecision", decisionId, type == WebhookEventType.CONSENT_REVOKED ? "WITHDRAWN" : "EXPIRED", holders, at,
                invitation -> decisionId.equals(invitation.sharingDecisionId()));
    }

    /**
     * The lapsed grant's notice to its holder, and {@code invitation.withdrawn} for each of the holder's invitations that
     * could have stood on the grant ({@code basisOf}) and is closed now. An invitation the grant was never a basis of
     * (closed before, on another consent), or whose conference was cancelled (the route closed then, and the agency was
     * told: {@code conference.changed} CANCELLED), is not withdrawn again.
     */
    private void lapsedGrant(WebhookEventType type, String objectType, UUID grantId, String status, List<ConsentHolder> holders,
                             OffsetDateTime at, Predicate<RouteRow> basisOf) {
        String recipient = holders.isEmpty() ? null : holders.get(0).recipient();
        // the recipient's endpoints, looked up once: they decide whether to go on, and receive what is written
        List<EndpointWanting> endpoints = recipient == null ? List.of() : endpointsOf(List.of(recipient)).stream()
                .filter(e -> e.wants(type) || e.wants(WebhookEventType.INVITATION_WITHDRAWN)).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        UUID caseId = holders.get(0).caseId();
        List<String> agencies = List.of(holders.get(0).lead(), recipient);
        em.flush();
        List<RouteRow> rows = Rows.read(em, RouteRow.class, """
                        select 'REFERRAL' as kind, r.id, r.id as conference_id, r.sharing_decision_id, cast(null as timestamptz) as cancelled_at
                        from referral r join agency a on a.id = r.to_agency_id
                        where r.case_id = ?1 and a.code = ?2
                        union all
                        select 'INVITATION', v.id, v.conference_id, v.sharing_decision_id, k.cancelled_at from conference_invitation v
                        join agency a on a.id = v.agency_id join conference k on k.id = v.conference_id
                        where k.case_id = ?1 and a.code = ?2""", caseId, recipient);
        List<Route> routes = rows.stream().map(r -> "REFERRAL".equals(r.kind())
                ? Route.referral(r.id(), caseId, agencies.get(0), recipient, r.sharingDecisionId(), Route.Ending.NONE, null)
                : Route.invitation(r.id(), caseId, agencies.get(0), recipient, r.sharingDecisionId(), r.cancelledAt())).toList();
        Set<String> audience = policy.consentAudience(recipient, routes);
        write(new Event(type, objectType, grantId, status, caseId, agencies, at), audience, endpoints);
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!audience.isEmpty() && policy.withdrawnByLapse(route, basisOf.test(rows.get(i)))) {
                write(new Event(WebhookEventType.INVITATION_WITHDRAWN, "Conference", rows.get(i).conferenceId(), "WITHDRAWN", caseId,
                        agencies, at), audience, endpoints);
            }
        }
    }

    /**
     * Notices that fall due with time, once each: consents and sharing decisions that expired, and routes of concluded referrals that
     * closed (DESIGN rule 2a), within the last week (older ones were due before this replica ever looked).
     */
    @Transactional
    public int noticeLapsed(OffsetDateTime now) {
        int written = 0;
        for (UUID consent : claimExpired("CONSENT_EXPIRED", "consent", "revoked_at", now)) {
            lapsedConsent(WebhookEventType.CONSENT_EXPIRED, consent, now);
            written++;
        }
        for (UUID decision : claimExpired("DECISION_EXPIRED", "sharing_decision", "withdrawn_at", now)) {
            lapsedDecision(WebhookEventType.CONSENT_EXPIRED, decision, now);
            written++;
        }
        OffsetDateTime closedBy = policy.concludedRouteEndedBy(now);
        List<ClosedRoute> closed = Rows.read(em, ClosedRoute.class, """
                with due as (
                    insert into webhook_time_notice (kind, object_id, noticed_at)
                    select 'ROUTE_CLOSED', r.id, ?1 from referral r
                    where r.status in ('COMPLETED', 'FAILED') and coalesce(r.completed_at, r.updated_at) <= ?2
                      and coalesce(r.completed_at, r.updated_at) > ?3
                    on conflict do nothing returning object_id)
                select r.id, r.case_id, r.status, f.code as from_code, t.code as to_code from due join referral r on r.id = due.object_id
                join agency f on f.id = r.from_agency_id join agency t on t.id = r.to_agency_id""", now, closedBy, closedBy.minusDays(7));
        for (ClosedRoute r : closed) {
            write(new Event(WebhookEventType.ROUTE_CLOSED, "Referral", r.id(), r.status(), r.caseId(), List.of(r.fromCode(), r.toCode()), now),
                    Set.of(r.toCode()));
            written++;
        }
        return written;
    }

    /**
     * Claims, once across replicas, the grants of {@code table} (consents, sharing decisions) that ran out by {@code now}
     * within the last week and were not ended by hand ({@code endedColumn}), as time notices of {@code kind}.
     * The names are this class's constants, never input.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> claimExpired(String kind, String table, String endedColumn, OffsetDateTime now) {
        return em.createNativeQuery("""
                        insert into webhook_time_notice (kind, object_id, noticed_at)
                        select cast(?3 as varchar), g.id, ?1 from %s g
                        where g.%s is null and g.valid_until <= ?1 and g.valid_until > ?2
                        on conflict do nothing returning object_id""".formatted(table, endedColumn))
                .setParameter(1, now).setParameter(2, now.minusDays(7)).setParameter(3, kind).getResultList();
    }

    private UUID caseOfReferral(UUID referralId) {
        return (UUID) em.createNativeQuery("select case_id from referral where id = ?1").setParameter(1, referralId).getSingleResult();
    }

    private boolean anyEndpointWants(WebhookEventType type, Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return false;
        }
        return !em.createNativeQuery("""
                        select 1 from webhook_endpoint e join agency a on a.id = e.agency_id
                        where a.code = any(?1) and cast(?2 as varchar) = any(e.event_types) limit 1""")
                .setParameter(1, agencies.toArray(String[]::new)).setParameter(2, type.name()).getResultList().isEmpty();
    }

    private record EndpointOf(UUID id, String agency) {
    }

    /** An endpoint and the event types it asked for ({@code ,}-joined), for notices that look their endpoints up first. */
    private record EndpointWanting(UUID id, String agency, String eventTypes) {
        boolean wants(WebhookEventType type) {
            return List.of(eventTypes.split(",")).contains(type.name());
        }
    }

    /** The endpoints of the agencies, oldest first, with what each asked for: one query. */
    private List<EndpointWanting> endpointsOf(Collection<String> agencies) {
        return Rows.read(em, EndpointWanting.class, """
                select e.id, a.code as agency, array_to_string(e.event_types, ',') as event_types
                from webhook_endpoint e join agency a on a.id = e.agency_id
                where a.code = any(?1) order by e.created_at, e.id""", (Object) agencies.toArray(String[]::new));
    }

    /**
     * The event and one pending delivery per endpoint of the audience that wants its type; nothing if none does.
     * Recipients who may know of different agencies get events of their own, each under its own id; all are written
     * in two statements, however many agencies are told.
     */
    private void write(Event event, Set<String> audience) {
        if (audience.isEmpty()) {
            return;
        }
        write(event, Rows.read(em, EndpointOf.class, """
                select e.id, a.code as agency from webhook_endpoint e join agency a on a.id = e.agency_id
                where a.code = any(?1) and cast(?2 as varchar) = any(e.event_types) order by e.created_at, e.id""",
                audience.toArray(String[]::new), event.type().name()));
    }

    /** As {@link #write(Event, Set)}, to those of endpoints already looked up that are in the audience and want the type. */
    private void write(Event event, Set<String> audience, List<EndpointWanting> looked) {
        write(event, looked.stream().filter(e -> audience.contains(e.agency()) && e.wants(event.type()))
                .map(e -> new EndpointOf(e.id(), e.agency())).toList());
    }

    private void write(Event event, List<EndpointOf> endpoints) {
        if (endpoints.isEmpty()) {
            return;
        }
        String objectId = GlobalId.encode(event.objectType(), event.objectId());
        Map<List<String>, UUID> eventOf = new LinkedHashMap<>();
        List<UUID> deliveryEvents = new ArrayList<>();
        for (EndpointOf endpoint : endpoints) {
            deliveryEvents.add(eventOf.computeIfAbsent(event.agenciesKnownTo(endpoint.agency()), known -> UUID.randomUUID()));
        }
        List<String> payloads = eventOf.keySet().stream().map(known -> payload(event.naming(known), objectId)).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("""
                        insert into webhook_event (id, type, object_id, payload, created_at)
                        select id, ?2, ?3, payload, ?5 from unnest(?1, ?4) as e(id, payload)""")
                .setParameter(1, eventOf.values().toArray(UUID[]::new)).setParameter(2, event.type().name()).setParameter(3, objectId)
                .setParameter(4, payloads.toArray(String[]::new)).setParameter(5, now).executeUpdate();
        em.createNativeQuery("""
                        insert into webhook_delivery (id, event_id, endpoint_id, status, next_attempt_at, created_at)
                        select gen_random_uuid(), event, endpoint, 'PENDING', ?3, ?3 from unnest(?1, ?2) as d(event, endpoint)""")
                .setParameter(1, deliveryEvents.toArray(UUID[]::new)).setParameter(2, endpoints.stream().map(EndpointOf::id).toArray(UUID[]::new))
                .setParameter(3, now).executeUpdate();
        written.fire(new Written());
    }

    private static String payload(Event event, String objectId) {
        JsonArrayBuilder agencies = Json.createArrayBuilder();
        event.agencies().forEach(agencies::add);
        JsonObjectBuilder data = Json.createObjectBuilder().add("object", event.objectType()).add("id", objectId);
        if (event.status() != null) data.add("status", event.status());
        if (event.conferenceId() != null) data.add("conferenceId", GlobalId.encode("Conference", event.conferenceId()));
        if (event.caseId() != null) data.add("caseId", GlobalId.encode("Case", event.caseId()));
        data.add("agencies", agencies);
        return Json.createObjectBuilder().add("type", event.type().wire())
                .add("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.at().toInstant()))
                .add("data", data).build().toString();
    }
}
