package org.casebridge.referral;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.ConsentNode;
import org.casebridge.access.ConsentService;
import org.casebridge.access.ReferralPolicy;
import org.casebridge.access.ReferralPolicy.ReferralSide;
import org.casebridge.access.SharingDecision;
import org.casebridge.access.Route;
import org.casebridge.access.SharingDecisions;
import org.casebridge.agency.Agency;
import org.casebridge.agency.AgencyNode;
import org.casebridge.agency.ServiceOffering;
import org.casebridge.agency.ServiceNode;
import org.casebridge.casefile.CaseFile;
import org.casebridge.casefile.CaseService;
import org.casebridge.casefile.CaseView;
import org.casebridge.events.Events;
import org.casebridge.events.Notice;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;
import org.casebridge.referral.ReferralInputs.ChangeReferralStatusInput;
import org.casebridge.referral.ReferralInputs.CreateReferralInput;
import org.casebridge.referral.ReferralInputs.HistoryEntry;
import org.casebridge.referral.ReferralInputs.ReferralCoverage;
import org.casebridge.referral.ReferralInputs.ReferralConnection;
import org.casebridge.referral.ReferralInputs.ReferralFilter;
import org.casebridge.runtime.Rows;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Referrals: creating them on a sharing basis, their status machine, history, lists and expiry. */
@ApplicationScoped
public class ReferralService {

    private static final String FETCH = """
            from Referral r join fetch r.survivorCase c join fetch c.leadAgency join fetch r.fromAgency f
            join fetch r.toAgency t join fetch r.service s join fetch s.agency""";

    private final AccessPolicy access;
    private final ReferralPolicy referralPolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final SharingDecisions sharing;
    private final ConsentService consentService;
    private final CaseService cases;
    private final Events events;
    private final EntityManager em;
    private final Clock clock;

    public ReferralService(AccessPolicy access, ReferralPolicy referralPolicy, AuditLog audit, InputValidation validation,
                           IdempotencyKeys idempotencyKeys, SharingDecisions sharing, ConsentService consentService,
                           CaseService cases, Events events, EntityManager em, Clock clock) {
        this.consentService = consentService;
        this.clock = clock;
        this.access = access;
        this.referralPolicy = referralPolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
        this.sharing = sharing;
        this.cases = cases;
        this.events = events;
        this.em = em;
    }

    /** Who may follow referral events: the staff who may list referrals. */
    public Caller subscriber() {
        return referralPolicy.mayListReferrals();
    }

    /** Whether a subscriber hears of this referral event: the agencies it connects do. */
    public boolean hears(Caller subscriber, Notice notice) {
        return access.hears(subscriber, notice.agencies());
    }

    // --- reading -----------------------------------------------------------------------------------------

    public ReferralConnection sent(ReferralFilter filter, PageRequest page) {
        return list(referralPolicy.mayListReferralsSent(), "r.fromAgency.id", filter, page);
    }

    public ReferralConnection received(ReferralFilter filter, PageRequest page) {
        return list(referralPolicy.mayListReferrals(), "r.toAgency.id", filter, page);
    }

    private ReferralConnection list(Caller caller, String agencyColumn, ReferralFilter filter, PageRequest page) {
        // the agency as a scalar subquery, so PostgreSQL walks the (agency, updated_at, id) index and stops at the page
        List<String> where = new ArrayList<>(List.of(agencyColumn + " = (select a.id from Agency a where a.code = :agency)"));
        Parameters params = Parameters.with("agency", caller.agencyCode());
        if (filter != null && filter.status() != null) {
            where.add("r.status = :status");
            params.and("status", filter.status());
        }
        if (filter != null && filter.serviceType() != null) {
            where.add("s.type = :type");
            params.and("type", filter.serviceType());
        }
        if (filter != null && filter.urgency() != null) {
            where.add("r.urgency = :urgency");
            params.and("urgency", filter.urgency());
        }
        if (filter != null && filter.updatedSince() != null) {
            where.add("r.updatedAt >= :since");
            params.and("since", filter.updatedSince());
        }
        String condition = String.join(" and ", where);
        // without a service-type filter the count needs no join and is answered from the index alone
        boolean byServiceType = filter != null && filter.serviceType() != null;
        long total = TotalCount.of("from Referral r" + (byServiceType ? " join r.service s" : "") + " where " + condition, params);
        PageRequest.TimeAndId after = page.afterTimeAndId();
        if (after != null) {
            params.and("afterAt", after.at()).and("afterId", after.id());
            condition += " and (r.updatedAt < :afterAt or (r.updatedAt = :afterAt and r.id < :afterId))";
        }
        // read-only: a page is only shown, so Hibernate keeps no copy of each row's state to check for changes
        List<Referral> rows = Referral.<Referral>find(FETCH + " where " + condition + " order by r.updatedAt desc, r.id desc"
                + page.limit(), params).withHint(HibernateHints.HINT_READ_ONLY, true).list();
        return new ReferralConnection(page, views(caller, rows), total);
    }

    public Optional<ReferralView> referral(UUID id) {
        Referral referral = visible("referral.read", id).referral();
        return Optional.of(views(access.caller(), List.of(referral)).get(0));
    }

    private record Visible(Referral referral, ReferralSide side) {
    }

    /** The referral, if the caller's agency is one of the two it connects; otherwise NOT_FOUND, as if absent. */
    private Visible visible(String action, UUID id) {
        Referral r = load(id);
        ReferralSide side = referralPolicy.mayViewReferral(action, id, r == null ? null : r.survivorCase.id,
                r == null ? null : r.fromAgency.code, r == null ? null : r.toAgency.code);
        return new Visible(r, side);
    }

    /** The referrals of the caller's own cases, for the case view (lead agency only). */
    public Map<UUID, List<ReferralView>> forCases(List<CaseView> caseViews) {
        Caller caller = access.caller();
        List<UUID> ids = caseViews.stream().filter(v -> v.disclosure().leadAgency()).map(v -> v.file().id).toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        List<Referral> rows = Referral.<Referral>find(FETCH + " where c.id in ?1 order by r.requestedAt", ids).list();
        return Rows.group(views(caller, rows), v -> v.referral().survivorCase.id);
    }

    /** Each referral is the receiving agency's route to its case; the referring agency sees its own case in full. */
    private List<ReferralView> views(Caller caller, List<Referral> rows) {
        Map<Route, CaseFile> routes = new LinkedHashMap<>();
        rows.forEach(r -> routes.put(route(r), r.survivorCase));
        Map<UUID, CaseView> caseViews = cases.viewsThrough(caller, routes);
        Map<UUID, SharingDecision> decisions = decisions(rows);
        return rows.stream().map(r -> new ReferralView(r, caseViews.get(r.id),
                r.sharingDecisionId == null ? null : decisions.get(r.sharingDecisionId))).toList();
    }

    private static Route route(Referral r) {
        // a final status does not change again, so the last update is when a failed referral ended
        return Route.referral(r.id, r.survivorCase.id, r.survivorCase.leadAgency.code, r.toAgency.code, r.sharingDecisionId,
                r.status.routeEnding(), r.completedAt != null ? r.completedAt : r.updatedAt);
    }

    private Map<UUID, SharingDecision> decisions(List<Referral> rows) {
        List<UUID> ids = rows.stream().map(r -> r.sharingDecisionId).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return SharingDecision.<SharingDecision>list("id in ?1", ids).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** The history of each referral, its notes as far as the caller's route shows them. */
    public Map<UUID, List<HistoryEntry>> history(List<ReferralView> views) {
        Caller caller = access.caller();
        Map<UUID, List<HistoryEntry>> byReferral = historyOf(views.stream().map(v -> v.referral().id).toList());
        for (ReferralView view : views) {
            byReferral.computeIfPresent(view.referral().id, (id, entries) -> entries.stream()
                    .map(e -> e.note() == null || referralPolicy.mayReadHistoryNote(caller, view.getSurvivorCase().disclosure(), e.actorAgency())
                            ? e : new HistoryEntry(e.fromStatus(), e.toStatus(), e.actorName(), e.actorAgency(), null, e.at()))
                    .toList());
        }
        return byReferral;
    }

    private record HistoryRow(UUID referralId, ReferralStatus fromStatus, ReferralStatus toStatus, String actorName,
                              String actorAgency, String note, OffsetDateTime at) {
        HistoryEntry entry() {
            return new HistoryEntry(fromStatus, toStatus, actorName, actorAgency, note, at);
        }
    }

    private Map<UUID, List<HistoryEntry>> historyOf(List<UUID> referralIds) {
        // an array parameter, not an IN list: Hibernate translates a query with a list parameter anew on every call;
        // columns, not entities: history is only shown, and hydrating and tracking entities was most of its cost
        return Rows.group(Rows.read(em, HistoryRow.class, """
                        select referral_id, from_status, to_status, actor_name, actor_agency, note, at
                        from referral_event where referral_id = any(?1) order by id""", (Object) referralIds.toArray(UUID[]::new)),
                HistoryRow::referralId, HistoryRow::entry);
    }

    /**
     * What {@link #changeStatus} would let the caller's agency move the referral to now: its side's moves from the
     * current status, none while the case is closed.
     */
    public List<ReferralStatus> nextStatuses(ReferralView view) {
        Referral r = view.referral();
        if (r.survivorCase.status == org.casebridge.casefile.CaseEnums.CaseStatus.CLOSED) {
            return List.of();
        }
        return r.status.movesBy(referralPolicy.sideOf(access.caller(), r.fromAgency.code, r.toAgency.code));
    }

    /** The referral's note says what the survivor needs: it is shared as CASE_SUMMARY. */
    public String note(ReferralView view) {
        access.reveal(view.getSurvivorCase().disclosure(), org.casebridge.access.InformationCategory.CASE_SUMMARY);
        return view.referral().note;
    }

    private Referral load(UUID id) {
        return Referral.<Referral>find(FETCH + " where r.id = ?1", id).firstResult();
    }

    // --- creating ----------------------------------------------------------------------------------------

    @Transactional
    public ReferralView create(CreateReferralInput input) {
        validation.check(input);
        CaseFile file = cases.openForWork("referral.create", input.caseId());
        Caller caller = access.caller();
        ServiceOffering service = existingService(GlobalId.decode(input.serviceId(), ServiceNode.TYPE, "input.serviceId"));
        if (service.retiredAt != null || !service.acceptingReferrals) {
            throw ApiException.invalid("input.serviceId", "This service is not accepting referrals");
        }
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "createReferral", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return referral(earlier.get()).orElseThrow();
        }
        UUID decisionId = sharing.shareBasis(caller, "referral.create", file.id, service.agency, input.sharingDecision(),
                Route.Kind.REFERRAL, id, "input.sharingDecision");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Referral referral = new Referral();
        referral.id = id;
        referral.survivorCase = file;
        referral.fromAgency = file.leadAgency;
        referral.toAgency = service.agency;
        referral.service = service;
        referral.status = ReferralStatus.REQUESTED;
        referral.urgency = input.urgency();
        referral.note = input.note();
        referral.sharingDecisionId = decisionId;
        referral.requestedBySubject = caller.subject();
        referral.requestedAt = now;
        referral.responseDueAt = now.plusDays(service.agency.referralResponseDeadlineDays);
        referral.updatedAt = now;
        referral.persist();
        recordEvent(caller, referral, null, input.note() == null ? null : "Referral requested");
        audit.allowed(caller, AuditLog.Entry.of("referral.create", "Referral", id, file.id).withDetail("to " + service.agency.code));
        events.publish(notice(referral.id, referral.status, referral.fromAgency.code, referral.toAgency.code, referral.updatedAt));
        return referral(id).orElseThrow();
    }

    /** How many agencies one coverage question may name. */
    static final int MAX_COVERAGE_AGENCIES = 100;

    /**
     * For each agency, whether a referral of the case to it is covered now and by what, by the rule createReferral
     * refuses with ({@link AccessPolicy#coveringConsents}): one query for the consents of all the agencies.
     */
    public List<ReferralCoverage> coverage(String caseId, List<String> agencyCodes) {
        if (agencyCodes.size() > MAX_COVERAGE_AGENCIES) {
            throw ApiException.invalid("agencyCodes", "Ask about at most " + MAX_COVERAGE_AGENCIES + " agencies at a time");
        }
        // refused where createReferral refuses: a case closed or waiting for its closure is referred nowhere
        CaseFile file = cases.openForWork("referral.coverage", GlobalId.decode(caseId, CaseView.TYPE, "caseId"));
        Caller caller = access.caller();
        Map<String, Agency> agencies = agenciesByCode(agencyCodes);
        Map<String, AccessPolicy.Covering> covering = access.coveringConsents(file.id, agencies.keySet(), Route.Kind.REFERRAL);
        boolean decides = access.sharesWithoutConsent(caller);
        Map<String, ConsentNode> consentNodes = covering.values().stream().allMatch(c -> c.consentIds().isEmpty()) ? Map.of()
                : consentService.consents(file.id).stream().collect(Collectors.toMap(ConsentNode::id, Function.identity()));
        return agencyCodes.stream().map(code -> {
            AccessPolicy.Covering c = covering.get(code);
            return new ReferralCoverage(AgencyNode.of(agencies.get(code)), c.covered(),
                    c.consentIds().stream().map(id -> consentNodes.get(GlobalId.encode(ConsentNode.TYPE, id))).toList(),
                    c.categories().stream().sorted().toList(), decides);
        }).toList();
    }

    /** The agencies of these codes; VALIDATION_FAILED naming the first code that is none. */
    private static Map<String, Agency> agenciesByCode(List<String> codes) {
        Map<String, Agency> agencies = codes.isEmpty() ? Map.of() : Agency.<Agency>list("code in ?1", new java.util.HashSet<>(codes))
                .stream().collect(Collectors.toMap(a -> a.code, Function.identity()));
        for (String code : codes) {
            if (!agencies.containsKey(code)) {
                throw ApiException.invalid("agencyCodes", "No agency with the code " + code);
            }
        }
        return agencies;
    }

    private static ServiceOffering existingService(UUID serviceId) {
        return ServiceOffering.<ServiceOffering>find("from ServiceOffering s join fetch s.agency where s.id = ?1", serviceId)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("Service"));
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, message);
        }
    }

    // --- the status machine ------------------------------------------------------------------------------

    @Transactional
    public ReferralView changeStatus(ChangeReferralStatusInput input) {
        validation.check(input);
        UUID id = GlobalId.decode(input.id(), ReferralView.TYPE, "input.id");
        Visible visible = visible("referral.transition", id);
        Referral referral = visible.referral();
        ReferralSide side = visible.side();
        Caller caller = access.caller();
        CaseService.requireNotClosed(referral.survivorCase);
        ApiException.requireVersion("referral", referral.version, input.version());
        ReferralStatus from = referral.status;
        ReferralStatus to = input.status();
        ReferralSide mover = from.movedBy(to).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TRANSITION,
                "A referral cannot go from " + from + " to " + to));
        referralPolicy.mayMoveReferral(side, mover, id, referral.survivorCase.id, from.name(), to.name());
        if (to.needsReason()) {
            requireText(input.reason(), "input.reason", "Say why the referral is " + to.name().toLowerCase());
            referral.reason = input.reason();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (to == ReferralStatus.COMPLETED) {
            if (input.outcome() == null) {
                throw ApiException.invalid("input.outcome", "Record the outcome: was the service provided?");
            }
            referral.outcomeServiceProvided = input.outcome().serviceProvided();
            referral.outcomeNote = input.outcome().note();
            referral.completedAt = now;
        }
        if (to == ReferralStatus.ACCEPTED && referral.acceptedAt == null) {
            referral.acceptedAt = now;
        }
        referral.status = to;
        referral.updatedAt = now;
        em.flush();
        recordEvent(caller, referral, from, input.note() != null ? input.note() : input.reason());
        audit.allowed(caller, AuditLog.Entry.of("referral.transition", "Referral", id, referral.survivorCase.id)
                .withDetail(from + "->" + to));
        events.publish(notice(referral.id, referral.status, referral.fromAgency.code, referral.toAgency.code, referral.updatedAt));
        return views(caller, List.of(referral)).get(0);
    }

    private static Notice notice(UUID id, ReferralStatus status, String from, String to, OffsetDateTime at) {
        return new Notice(Notice.Kind.REFERRAL, id, status.name(), List.of(from, to), at);
    }

    private void recordEvent(Caller caller, Referral referral, ReferralStatus from, String note) {
        ReferralEvent event = new ReferralEvent();
        event.referralId = referral.id;
        event.fromStatus = from;
        event.toStatus = referral.status;
        event.actorSubject = caller.subject();
        event.actorName = caller.username();
        event.actorAgency = caller.agencyCode();
        event.note = note;
        event.at = referral.updatedAt;
        event.persist();
    }

    // --- expiry ------------------------------------------------------------------------------------------

    /**
     * Marks EXPIRED every request whose response deadline has passed at {@code now}, with its history entry
     * and audit entry, in one transaction. Safe with several replicas: rows are claimed with SKIP LOCKED and
     * re-checked by status, so each referral expires once.
     */
    private record Expired(UUID id, UUID caseId, String fromAgency, String toAgency) {
    }

    @Transactional
    public List<UUID> expireOverdue(OffsetDateTime now) {
        return expire(now, null);
    }

    /**
     * As {@link #expireOverdue(OffsetDateTime)}, among these referrals only. For tests, which expire their own
     * referrals at instants of their choosing (days ahead) and must leave every other test's rows as they are.
     */
    @Transactional
    public List<UUID> expireOverdue(OffsetDateTime now, Collection<UUID> among) {
        return expire(now, among.toArray(UUID[]::new));
    }

    private List<UUID> expire(OffsetDateTime now, UUID[] among) {
        Object[] parameters = among == null ? new Object[]{now} : new Object[]{now, among};
        List<Expired> expired = Rows.read(em, Expired.class, """
                        with due as (
                            select id from referral where status = 'REQUESTED' and response_due_at <= ?1 %s
                            for update skip locked
                        ), expired as (
                            update referral r set status = 'EXPIRED', updated_at = ?1, version = r.version + 1
                            from due where r.id = due.id returning r.id, r.case_id, r.from_agency_id, r.to_agency_id
                        ), history as (
                            insert into referral_event (referral_id, from_status, to_status, actor_subject, actor_name, note, at)
                            select id, 'REQUESTED', 'EXPIRED', 'system', 'casebridge', 'No answer within the response deadline', ?1
                            from expired
                        )
                        select e.id, e.case_id, f.code as from_agency, t.code as to_agency from expired e
                        join agency f on f.id = e.from_agency_id join agency t on t.id = e.to_agency_id""".formatted(among == null ? "" : "and id = any(?2)"), parameters);
        if (!expired.isEmpty()) {
            em.createNativeQuery("""
                            insert into audit_entry (actor_subject, actor_name, action, target_type, target_id, case_id, allowed, detail)
                            select 'system', 'casebridge', 'referral.expire', 'Referral', t.id, t.case_id, true, 'REQUESTED->EXPIRED'
                            from unnest(?1, ?2) as t(id, case_id)""")
                    .setParameter(1, expired.stream().map(Expired::id).toArray(UUID[]::new))
                    .setParameter(2, expired.stream().map(Expired::caseId).toArray(UUID[]::new))
                    .executeUpdate();
            expired.forEach(r -> events.publish(notice(r.id(), ReferralStatus.EXPIRED, r.fromAgency(), r.toAgency(), now)));
        }
        return expired.stream().map(Expired::id).toList();
    }
}
