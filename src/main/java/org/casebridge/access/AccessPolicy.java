package org.casebridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The core of Casebridge's policies: who the caller is, the lead agency's staff (rule 1), the routes and what each
 * discloses (rules 2 and 2a), consent and sharing decisions, the people records name, who hears of events, and who
 * reads the audit log. Each capability's decisions are in its own policy beside this one ({@link CasePolicy},
 * {@link ReferralPolicy}, {@link ConferencePolicy}, {@link SessionPolicy}, {@link DirectoryPolicy},
 * {@link InsightPolicy}, {@link SupervisionPolicy}, {@link FeedbackPolicy}, {@link SafeguardingReportPolicy},
 * {@link WebhookPolicy}), which ask this core and never the other way round ({@code ArchitectureTest}). Services ask
 * the policies; GraphQL classes never decide. Refusals of work are written to the audit log by {@link Refusals}, in a
 * transaction of their own, so that a refused mutation leaves a denied entry and nothing else.
 */
@ApplicationScoped
public class AccessPolicy {

    private final CurrentCaller currentCaller;
    private final Grants grants;
    private final Refusals refusals;
    private final Duration referralRouteAfterEnd;
    private final Clock clock;

    public AccessPolicy(CurrentCaller currentCaller, Grants grants, Refusals refusals, Clock clock,
                        @ConfigProperty(name = "casebridge.access.referral-route-after-end", defaultValue = "P30D")
                        Duration referralRouteAfterEnd) {
        this.currentCaller = currentCaller;
        this.grants = grants;
        this.refusals = refusals;
        this.referralRouteAfterEnd = referralRouteAfterEnd;
        this.clock = clock;
    }

    /** The authenticated caller of this request; {@code UNAUTHENTICATED} without a valid token. */
    public Caller caller() {
        return currentCaller.get();
    }

    // --- the lead agency, sharing and disclosure ---------------------------------------------------------

    /** Case management staff (caseworkers and supervisors) of the lead agency own its cases in full (rule 1). */
    public boolean isLeadStaff(Caller caller, String leadAgencyCode) {
        return caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(leadAgencyCode);
    }

    /** Only a supervisor may decide to share without consent (mandatory report or override). */
    public void mayShareWithoutConsent(Caller caller, String action, UUID caseId) {
        if (!sharesWithoutConsent(caller)) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId),
                    Refusals.forbidden("Only a supervisor may record a mandatory report or an override"));
        }
    }

    /** Whether the caller may record a sharing decision ({@link #mayShareWithoutConsent}'s rule). */
    public boolean sharesWithoutConsent(Caller caller) {
        return caller.has(Role.SUPERVISOR);
    }

    /** A sharing decision is withdrawn by a supervisor of the case's lead agency; to anyone else it does not exist. */
    public Caller mayWithdrawSharingDecision(UUID decisionId, UUID caseId, String leadAgencyCode) {
        Caller caller = caller();
        AuditLog.Entry entry = AuditLog.Entry.of("sharing.withdraw", "SharingDecision", decisionId, caseId);
        if (leadAgencyCode == null || !isLeadStaff(caller, leadAgencyCode)) {
            throw refuse(caller, entry, Refusals.hidden("Sharing decision"));
        }
        if (!caller.has(Role.SUPERVISOR)) {
            throw refuse(caller, entry, Refusals.forbidden("Only a supervisor withdraws a sharing decision"));
        }
        return caller;
    }

    /**
     * What the caller sees of each case reached directly (keyed by case id, valued by lead agency code): the lead
     * agency's staff see it in full; anyone else reaches a case only through a route ({@link #discloseRoutes}), so
     * here they see nothing of it.
     */
    public Map<UUID, Disclosure> disclose(Caller caller, Map<UUID, String> leadAgencyByCase) {
        Map<UUID, Disclosure> result = new HashMap<>();
        leadAgencyByCase.forEach((caseId, lead) ->
                result.put(caseId, isLeadStaff(caller, lead) ? Disclosure.lead(caseId) : Disclosure.none(caseId)));
        return result;
    }

    /**
     * What the caller sees of a case through each route (keyed by the route's object id), DESIGN rules 2 and 2a. The
     * lead agency's staff see the case in full. The staff of the agency the route is addressed to see what the current
     * consents for the route's purpose grant to their agency, plus what the sharing decision recorded for that very
     * object grants while it is in force; nobody else sees anything. A referral stops being a route when it is
     * rejected, cancelled or expired, and {@code casebridge.access.referral-route-after-end} after it is completed or
     * failed; an invitation once neither a consent for conferences nor its decision holds, or its conference was cancelled.
     * One query for all routes.
     */
    public Map<UUID, Disclosure> discloseRoutes(Caller caller, Collection<Route> routes) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, Disclosure> result = new HashMap<>();
        List<Route> addressed = new ArrayList<>();
        for (Route route : routes) {
            if (isLeadStaff(caller, route.leadAgencyCode())) {
                result.put(route.objectId(), Disclosure.lead(route.caseId()));
            } else if (caller.hasAny(Role.PROVIDER, Role.CASEWORKER, Role.SUPERVISOR) && caller.belongsTo(route.agencyCode())) {
                addressed.add(route);
            } else {
                result.put(route.objectId(), Disclosure.none(route.caseId()));
            }
        }
        if (addressed.isEmpty()) {
            return result;
        }
        Grants.Held held = grants.heldBy(caller.agencyCode(), addressed.stream().map(Route::caseId).collect(Collectors.toSet()),
                addressed.stream().map(Route::decisionId).filter(Objects::nonNull).collect(Collectors.toSet()), now);
        for (Route route : addressed) {
            result.put(route.objectId(), throughRoute(route, held, now));
        }
        return result;
    }

    /** What the agency a route is addressed to sees through it, by what holds for that agency (rules 2 and 2a). */
    private Disclosure throughRoute(Route route, Grants.Held held, OffsetDateTime now) {
        Set<InformationCategory> consented = held.consented(route.caseId(), route.kind().consentPurposes());
        Set<InformationCategory> decided = held.decided(route.decisionId(), route.objectId(), route.kind().purpose());
        boolean open = switch (route.kind()) {
            case REFERRAL -> switch (route.ending()) {
                case NONE -> true;
                case ABANDONED -> false;
                case CONCLUDED -> route.endedAt() != null && now.isBefore(route.endedAt().plus(referralRouteAfterEnd));
            };
            case INVITATION -> route.ending() != Route.Ending.ABANDONED && (!consented.isEmpty() || !decided.isEmpty());
        };
        Set<InformationCategory> granted = EnumSet.noneOf(InformationCategory.class);
        if (open) {
            granted.addAll(consented);
            granted.addAll(decided);
        }
        return new Disclosure(route.caseId(), false, open, granted);
    }

    /**
     * The routes that are open right now for the agency each is addressed to, as that agency's staff would find them
     * ({@link #discloseRoutes}): one grants query for all the agencies, however many routes and agencies there are.
     */
    public Set<UUID> openRoutes(Collection<Route> routes) {
        List<Route> addressed = routes.stream().filter(r -> r.agencyCode() != null).toList();
        if (addressed.isEmpty()) {
            return Set.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Grants.Held> held = grants.heldBy(addressed.stream().map(Route::agencyCode).collect(Collectors.toSet()),
                addressed.stream().map(Route::caseId).collect(Collectors.toSet()),
                addressed.stream().map(Route::decisionId).filter(Objects::nonNull).collect(Collectors.toSet()), now);
        return addressed.stream().filter(r -> throughRoute(r, held.get(r.agencyCode()), now).routeOpen())
                .map(Route::objectId).collect(Collectors.toSet());
    }

    /**
     * Every resolver returning survivor information asks here. Outside the grant the field is refused with
     * {@code CONSENT_REQUIRED}; reads of identity, incident, health and safety plan are audited.
     */
    public void reveal(Disclosure disclosure, InformationCategory category) {
        Caller caller = caller();
        if (!disclosure.allows(category)) {
            ReadAudit.current().refused(caller, disclosure.caseId(), category);
            throw new ApiException(ErrorCode.CONSENT_REQUIRED, disclosure.routeOpen() || disclosure.leadAgency()
                    ? "The survivor has not consented to share " + category + " with your agency for this purpose"
                    : "Your agency's access to this case through this route has ended");
        }
        ReadAudit.current().read(caller, disclosure.caseId(), category);
    }

    /** The details an agency needs to take part (a conference's date, time and place) only while its route is open. */
    public void revealWhileRouteOpen(Disclosure disclosure, String what) {
        if (!disclosure.routeOpen()) {
            throw new ApiException(ErrorCode.CONSENT_REQUIRED, "The basis for sharing " + what + " with your agency has lapsed");
        }
    }

    /**
     * Sharing a case with another agency (a referral, a conference invitation) needs a current consent to that
     * agency for the route's purpose, unless a supervisor records a new sharing decision for that object (checked by
     * the caller with {@link #mayShareWithoutConsent}). Decisions recorded for other objects never count.
     */
    public void requireCoveringConsent(Caller caller, String action, UUID caseId, String recipientAgencyCode, Route.Kind route) {
        if (!coveringConsents(caseId, Set.of(recipientAgencyCode), route).get(recipientAgencyCode).covered()) {
            throw refuse(caller, AuditLog.Entry.of(action, "Case", caseId, caseId).withDetail("to " + recipientAgencyCode),
                    new ApiException(ErrorCode.CONSENT_REQUIRED, "No current consent covers sharing this case with "
                            + recipientAgencyCode + "; record the survivor's consent or a supervisor's decision"));
        }
    }

    /** The current consents that let a case be shared with one agency through a route, and what they share. */
    public record Covering(Set<UUID> consentIds, Set<InformationCategory> categories) {
        /** Whether sharing needs no sharing decision: {@link #requireCoveringConsent} lets it through. */
        public boolean covered() {
            return !categories.isEmpty();
        }
    }

    /**
     * For each agency, what covers sharing the case with it through a new route of this kind now: the rule of
     * {@link #requireCoveringConsent}, for any number of agencies in one query.
     */
    public Map<String, Covering> coveringConsents(UUID caseId, Set<String> recipientAgencyCodes, Route.Kind route) {
        Map<String, Covering> covering = new HashMap<>();
        grants.heldBy(recipientAgencyCodes, Set.of(caseId), Set.of(), OffsetDateTime.now(clock)).forEach((code, held) ->
                covering.put(code, new Covering(held.consentsFor(caseId, route.consentPurposes()), held.consented(caseId, route.consentPurposes()))));
        return covering;
    }

    ApiException refuse(Caller caller, AuditLog.Entry entry, ApiException refusal) {
        return refusals.refuse(caller, entry, refusal);
    }

    // --- people named on records -------------------------------------------------------------------------

    /** How a caller is the person a record names. */
    public enum PersonMatch {
        /** Somebody else. */
        NONE,
        /** The record holds the caller's subject. */
        SUBJECT,
        /** The record holds only the username someone typed, and the caller's token fits it: the service binds the subject now. */
        FIRST_USE
    }

    /**
     * A person is their token's subject, never the username it carries: usernames are given again when an account
     * is closed, and a name typed in advance proves nothing. A record that knows someone only by a username (the
     * caseworker a supervisor registered, the note-taker a facilitator named) is matched once by a token carrying
     * that username, the record's role and the record's agency — and the service then stores that subject, so that
     * from then on only it matches. Role and agency are required in both cases.
     */
    static PersonMatch matchPerson(Caller caller, Role role, String agencyCode, String boundSubject, String username) {
        if (!caller.has(role) || agencyCode == null || !caller.belongsTo(agencyCode)) {
            return PersonMatch.NONE;
        }
        if (boundSubject != null) {
            return boundSubject.equals(caller.subject()) ? PersonMatch.SUBJECT : PersonMatch.NONE;
        }
        return username != null && username.equals(caller.username()) ? PersonMatch.FIRST_USE : PersonMatch.NONE;
    }

    /**
     * Two first uses of one name at once: the first binding wins, and whoever the record is now bound to is the
     * person; anyone else is answered as if the record did not exist.
     */
    public void requireBoundTo(String action, String targetType, UUID targetId, String boundSubject, String hiddenAs) {
        Caller caller = caller();
        if (!caller.subject().equals(boundSubject)) {
            throw refuse(caller, AuditLog.Entry.of(action, targetType, targetId, null), Refusals.hidden(hiddenAs));
        }
    }

    /** Work in the name of one's agency needs that agency to be registered in Casebridge. */
    public <T> T registeredAgency(Caller caller, String action, String targetType, Optional<T> agency) {
        return agency.orElseThrow(() -> refuse(caller, AuditLog.Entry.of(action, targetType, null, null),
                Refusals.forbidden("Your agency is not registered in Casebridge")));
    }

    // --- events ------------------------------------------------------------------------------------------

    /** A subscriber hears of a change only when it concerns their own agency (the agencies a referral connects, a conference's). */
    public boolean hears(Caller subscriber, Collection<String> concernedAgencies) {
        return subscriber.agencyCode() != null && concernedAgencies.contains(subscriber.agencyCode());
    }

    // --- the audit log -----------------------------------------------------------------------------------

    public Caller mayReadAuditLog() {
        Caller caller = caller();
        if (!caller.has(Role.AUDITOR)) {
            throw Refusals.forbidden("Only auditors read the audit log");
        }
        return caller;
    }
}
