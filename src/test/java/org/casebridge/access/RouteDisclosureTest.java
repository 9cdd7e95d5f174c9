package org.casebridge.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.casebridge.access.InformationCategory.CONFERENCE;
import static org.casebridge.access.InformationCategory.HEALTH;
import static org.casebridge.access.InformationCategory.INCIDENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decision table of {@link AccessPolicy#discloseRoutes}, without Quarkus or a database: every role × relation ×
 * route kind × ending × consent purpose × decision state, against the rule written out once more in {@link #expected}.
 */
class RouteDisclosureTest {

    static final UUID CASE = UUID.randomUUID();
    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    /** Consents held by the receiving agency on the case: HEALTH for referrals, CONFERENCE for conferences. */
    static final Map<ConsentPurpose, Set<InformationCategory>> CONSENTS = Map.of(
            ConsentPurpose.REFERRAL, EnumSet.of(HEALTH), ConsentPurpose.CASE_CONFERENCE, EnumSet.of(CONFERENCE));
    static final UUID DECISION_IN_FORCE = UUID.randomUUID();
    static final UUID DECISION_ENDED = UUID.randomUUID();
    /** The decision in force was recorded for one referral: this one. */
    static final UUID DECISION_OBJECT = UUID.randomUUID();
    static final Grants.Decided DECIDED = new Grants.Decided(DECISION_OBJECT, ConsentPurpose.REFERRAL, EnumSet.of(INCIDENT));

    /** A grants source that holds {@link #CONSENTS} (or none) and the decision in force, for the agency STLUKE only. */
    static Grants grants(boolean withConsents) {
        return new Grants(null) {
            @Override
            public Held heldBy(String agencyCode, Collection<UUID> caseIds, Collection<UUID> decisionIds, OffsetDateTime now) {
                if (!"STLUKE".equals(agencyCode)) {
                    return new Held(Map.of(), Map.of());
                }
                return new Held(withConsents ? Map.of(CASE, CONSENTS) : Map.of(),
                        decisionIds.contains(DECISION_IN_FORCE) ? Map.of(DECISION_IN_FORCE, DECIDED) : Map.of());
            }
        };
    }

    static AccessPolicy policy(boolean withConsents) {
        return new AccessPolicy(null, grants(withConsents), null, Clock.systemUTC(), Duration.ofDays(30));
    }

    record Case(Route route, Caller caller, boolean consents) {
    }

    @Test
    void everyCombinationDisclosesExactlyWhatTheRouteGrants() {
        int checked = 0;
        for (Role role : Role.values()) {
            for (String agency : List.of("AMANI", "STLUKE", "LAWCENTRE")) {
                Caller caller = new Caller("s-" + role + agency, "u", agency, "Borno", Set.of(role));
                for (Route route : routes()) {
                    for (boolean consents : List.of(true, false)) {
                        Disclosure got = policy(consents).discloseRoutes(caller, List.of(route)).get(route.objectId());
                        if (got == null) {
                            throw new AssertionError("no disclosure for " + route);
                        }
                        assertEquals(expected(new Case(route, caller, consents)), got.granted(),
                                () -> role + " of " + agency + " through " + route + (consents ? " with" : " without") + " consents");
                        checked++;
                    }
                }
            }
        }
        assertEquals(Role.values().length * 3 * routes().size() * 2, checked);
    }

    static List<Route> routes() {
        List<Route> routes = new java.util.ArrayList<>();
        for (UUID decision : java.util.Arrays.asList(null, DECISION_IN_FORCE, DECISION_ENDED)) {
            // the object the decision was made for, and another object pointing at the same decision (a reuse)
            for (UUID object : List.of(DECISION_OBJECT, UUID.randomUUID())) {
                for (Route.Ending ending : Route.Ending.values()) {
                    for (OffsetDateTime endedAt : List.of(NOW.minusDays(29), NOW.minusDays(31))) {
                        routes.add(Route.referral(object, CASE, "AMANI", "STLUKE", decision, ending,
                                ending == Route.Ending.NONE ? null : endedAt));
                    }
                }
                routes.add(Route.invitation(object, CASE, "AMANI", "STLUKE", decision));
                routes.add(Route.invitation(object, CASE, "AMANI", "STLUKE", decision, NOW.minusDays(1)));
            }
        }
        return routes;
    }

    /** The rule (DESIGN rules 1, 2, 2a), written independently of the policy's code. */
    static Set<InformationCategory> expected(Case c) {
        Caller caller = c.caller();
        boolean staff = caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR, Role.PROVIDER);
        if (caller.hasAny(Role.CASEWORKER, Role.SUPERVISOR) && "AMANI".equals(caller.agencyCode())) {
            return EnumSet.allOf(InformationCategory.class);
        }
        if (!staff || !"STLUKE".equals(caller.agencyCode())) {
            return Set.of();
        }
        Route route = c.route();
        Set<InformationCategory> decided = DECISION_IN_FORCE.equals(route.decisionId()) && DECISION_OBJECT.equals(route.objectId())
                && route.kind() == Route.Kind.REFERRAL ? EnumSet.of(INCIDENT) : Set.of();
        Set<InformationCategory> consented = !c.consents() ? Set.of()
                : route.kind() == Route.Kind.REFERRAL ? EnumSet.of(HEALTH) : EnumSet.of(CONFERENCE);
        // an invitation to a cancelled conference is abandoned, like a cancelled referral
        boolean open = route.kind() == Route.Kind.INVITATION
                ? route.ending() != Route.Ending.ABANDONED && (!decided.isEmpty() || !consented.isEmpty())
                : route.ending() == Route.Ending.NONE
                || route.ending() == Route.Ending.CONCLUDED && route.endedAt().isAfter(NOW.minusDays(30));
        Set<InformationCategory> granted = EnumSet.noneOf(InformationCategory.class);
        if (open) {
            granted.addAll(decided);
            granted.addAll(consented);
        }
        return granted;
    }

    @Test
    void aDecisionForAnotherObjectOrPurposeIsNeverPartOfTheGrant() {
        Caller provider = new Caller("p", "pr.stluke", "STLUKE", "Borno", Set.of(Role.PROVIDER));
        Route madeFor = Route.referral(DECISION_OBJECT, CASE, "AMANI", "STLUKE", DECISION_IN_FORCE, Route.Ending.NONE, null);
        Route otherReferral = Route.referral(UUID.randomUUID(), CASE, "AMANI", "STLUKE", DECISION_IN_FORCE, Route.Ending.NONE, null);
        Route invitation = Route.invitation(DECISION_OBJECT, CASE, "AMANI", "STLUKE", DECISION_IN_FORCE);
        Map<UUID, Disclosure> got = policy(false).discloseRoutes(provider, List.of(madeFor, otherReferral));
        assertEquals(EnumSet.of(INCIDENT), got.get(madeFor.objectId()).granted());
        assertEquals(Set.of(), got.get(otherReferral.objectId()).granted(), "another referral pointing at the same decision");
        Disclosure viaInvitation = policy(false).discloseRoutes(provider, List.of(invitation)).get(invitation.objectId());
        assertEquals(Set.of(), viaInvitation.granted(), "the decision's purpose is REFERRAL, not CASE_CONFERENCE");
        assertEquals(false, viaInvitation.routeOpen(), "an invitation without a consent or a decision in force is closed");
    }
}
