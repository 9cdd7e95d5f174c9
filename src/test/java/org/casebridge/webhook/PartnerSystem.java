package org.casebridge.webhook;

import io.restassured.path.json.JsonPath;
import org.casebridge.access.ReferralPolicy.ReferralSide;
import org.casebridge.access.Route;
import org.casebridge.referral.ReferralStatus;
import org.casebridge.support.Cases;
import org.casebridge.support.Tokens;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.casebridge.support.GraphQLClient.ok;
import static org.casebridge.webhook.WebhookTest.about;

/**
 * St Luke's Clinic's own system as AMANI's partner: what it must be told of a survivor's case, and how it checks
 * each notice it gets. Shared by {@link PartnerSystemTest} (the test profile, where the test runs the sender and
 * moves time for the notices that come with it) and {@link DemoPartner} (the running demo, where notices go out on
 * commit and the time-driven ones cannot be made to happen).
 */
final class PartnerSystem {

    static final String LEAD = "AMANI";
    static final String PARTNER = "STLUKE";
    /** Everything a notice's data may hold: ids, a status and agency codes, never survivor information. */
    static final Set<String> DATA_KEYS = Set.of("object", "id", "status", "agencies", "caseId", "conferenceId");
    /** The notices that tell a system to drop what it holds of a case, and therefore name it (README "Events"). */
    static final Set<String> NAMING_THE_CASE = Set.of("route.closed", "consent.revoked", "consent.expired", "invitation.withdrawn");
    static final String WITHDRAW = """
            mutation($i: WithdrawSharingDecisionInput!) { withdrawSharingDecision(input: $i) { sharingDecision { withdrawnAt } } }""";
    static final String CANCEL = """
            mutation($i: CancelConferenceInput!) { cancelConference(input: $i) { conference { status } } }""";

    private PartnerSystem() {
    }

    /** A move of the status machine, and who makes it: a side of the referral, or the system (expiry) when null. */
    record Move(ReferralStatus from, ReferralStatus to, ReferralSide by) {
        /** The demo user who makes the move through the API. */
        String user() {
            return by == ReferralSide.RECEIVER ? "pr.stluke" : "cw.amani";
        }

        @Override
        public String toString() {
            return from + " → " + to + " (" + (by == null ? "system" : user()) + ")";
        }
    }

    /** What St Luke must be told of one object, in order, each notice as {@code type Object STATUS} ({@link #what}). */
    record Expected(String event, String objectId, List<String> notices) {
    }

    /** A case opened for the check, and every text of the survivor's sent with it, which no notice may carry. */
    record Survivor(String caseId, Set<String> texts) {
    }

    /** What St Luke got of one expected object, each notice once per webhook-id, and what was wrong with any. */
    record Row(Expected expected, List<String> received, long signed, List<String> faults) {
        boolean ok() {
            return faults.isEmpty() && received.equals(expected.notices());
        }
    }

    /** Opens a case as {@code cw.amani} from an {@code openCase} input ({@link Cases#openInput}). */
    static Survivor openCase(Map<String, Object> input) {
        Set<String> texts = new LinkedHashSet<>();
        Stream.of(input, Cases.referralInput("", "")).forEach(i -> textsOf(i, texts));
        return new Survivor(Cases.open("cw.amani", input), texts);
    }

    /** The strings of an input that are no enum constant: names, dates, phone numbers, notes. */
    private static void textsOf(Object value, Set<String> texts) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> textsOf(v, texts));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> textsOf(v, texts));
        } else if (value instanceof String s && !s.isBlank() && !s.matches("[A-Z0-9_]+")) {
            texts.add(s);
        }
    }

    /**
     * Every move the API allows, from {@link ReferralStatus#movedBy}, and the system's own (an unanswered request
     * expires, {@code ReferralExpiry}).
     */
    static List<Move> moves() {
        List<Move> moves = new ArrayList<>();
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                from.movedBy(to).ifPresent(side -> moves.add(new Move(from, to, side)));
            }
        }
        moves.add(new Move(ReferralStatus.REQUESTED, ReferralStatus.EXPIRED, null));
        return moves;
    }

    /** The shortest way from REQUESTED to each status, by the moves; fails naming a status no move reaches. */
    static Map<ReferralStatus, List<Move>> pathsFromRequested(List<Move> moves) {
        Map<ReferralStatus, List<Move>> paths = new EnumMap<>(ReferralStatus.class);
        paths.put(ReferralStatus.REQUESTED, List.of());
        ArrayDeque<ReferralStatus> queue = new ArrayDeque<>(List.of(ReferralStatus.REQUESTED));
        while (!queue.isEmpty()) {
            ReferralStatus at = queue.poll();
            for (Move move : moves) {
                if (move.from() == at && !paths.containsKey(move.to())) {
                    List<Move> path = new ArrayList<>(paths.get(at));
                    path.add(move);
                    paths.put(move.to(), path);
                    queue.add(move.to());
                }
            }
        }
        Set<ReferralStatus> unreachable = EnumSet.allOf(ReferralStatus.class);
        unreachable.removeAll(paths.keySet());
        if (!unreachable.isEmpty()) {
            throw new AssertionError("no move reaches " + unreachable + "; a status the partner system can never be told of");
        }
        return paths;
    }

    static String wire(ReferralStatus status) {
        return switch (status) {
            case REQUESTED -> "referral.requested";
            case EXPIRED -> "referral.expired";
            default -> "referral.status_changed";
        };
    }

    /** Whether the route of a referral moved to {@code status} closes with a notice the system sends later (a time notice). */
    static boolean routeClosesLater(ReferralStatus status) {
        return status.routeEnding() == Route.Ending.CONCLUDED;
    }

    /**
     * Records a consent of St Luke's for referrals on the case, then makes one referral to St Luke per move of
     * {@link #moves()}: walks it from REQUESTED to the move's start by the shortest path, then makes the move, each
     * through the API as the side that may. The system's moves are made by {@code system}; where it is null (the live
     * demo) they are left out. {@code timeNotices}: whether the notice of a concluded referral's route closing (which
     * the system sends some time after the end) will have been sent when the notices are checked.
     */
    static List<Expected> referEveryMove(String caseId, BiConsumer<Move, String> system, boolean timeNotices) {
        List<Move> moves = moves();
        Map<ReferralStatus, List<Move>> paths = pathsFromRequested(moves);
        Cases.consent("cw.amani", caseId, PARTNER, List.of("CASE_SUMMARY"), "REFERRAL");
        List<Expected> expected = new ArrayList<>();
        for (Move move : moves) {
            if (move.by() == null && system == null) {
                continue;
            }
            String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
            List<Move> walked = new ArrayList<>(paths.get(move.from()));
            walked.add(move);
            List<String> notices = new ArrayList<>(List.of("referral.requested Referral REQUESTED"));
            for (Move step : walked) {
                if (step.by() == null) {
                    system.accept(step, referral);
                } else {
                    make(step, referral);
                }
                notices.add(wire(step.to()) + " Referral " + step.to());
                if (step.to().routeEnding() == Route.Ending.ABANDONED || timeNotices && routeClosesLater(step.to())) {
                    notices.add("route.closed Referral " + step.to());
                }
            }
            expected.add(new Expected(move + (walked.size() > 1 ? ", after " + walked.subList(0, walked.size() - 1).stream()
                    .map(m -> m.to().name()).toList() : ""), referral, notices));
        }
        return expected;
    }

    /** Makes a move of a referral's side through the API, as the demo user of that side. */
    static void make(Move move, String referral) {
        Map<String, Object> extra = new HashMap<>();
        if (move.to().needsReason()) extra.put("reason", "Reason for " + move.to());
        if (move.to() == ReferralStatus.COMPLETED) extra.put("outcome", Map.of("serviceProvided", true));
        JsonPath answer = Cases.move(move.user(), referral, move.to().name(), extra);
        if (answer.get("errors") != null) {
            throw new AssertionError(move + ": " + answer.prettify());
        }
    }

    /**
     * Every revocation of something St Luke held that a user causes by hand, each driven through the API on the case:
     * a consent revoked; a supervisor's sharing decision withdrawn; a consent for conferences revoked, which withdraws
     * the invitation standing on it but not that of a conference cancelled before (that route closed with the
     * cancellation, and the system was told so); an invitation made on a sharing decision, withdrawn with it. The
     * referrals' own revocations (rejected, cancelled) are moves ({@link #referEveryMove}).
     */
    static List<Expected> revokeByHand(String caseId) {
        List<Expected> expected = new ArrayList<>();
        String consent = Cases.consent("cw.amani", caseId, PARTNER, List.of("CASE_SUMMARY"), "REFERRAL");
        String referral = Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);
        Cases.revoke("cw.amani", consent);
        expected.add(new Expected("a referral on the consent below", referral, List.of("referral.requested Referral REQUESTED")));
        expected.add(new Expected("consent revoked", consent, List.of("consent.revoked Consent REVOKED")));

        String onDecision = referralOnDecision(caseId, null);
        String decision = WebhookAudienceTest.decisionOf(onDecision);
        withdraw(decision);
        expected.add(new Expected("a referral on the sharing decision below", onDecision, List.of("referral.requested Referral REQUESTED")));
        expected.add(new Expected("sharing decision withdrawn", decision, List.of("consent.revoked SharingDecision WITHDRAWN")));

        String conferenceConsent = Cases.consent("cw.amani", caseId, PARTNER, List.of("CONFERENCE"), "CASE_CONFERENCE");
        String held = WebhookAudienceTest.conferenceWith(caseId, List.of(Map.of("agencyCode", PARTNER)), "cw.amani");
        String cancelled = WebhookAudienceTest.conferenceWith(caseId, List.of(Map.of("agencyCode", PARTNER)), "cw.amani");
        ok(Tokens.of("cw.amani"), CANCEL, Map.of("i", Map.of("id", cancelled, "version", conferenceVersion(cancelled),
                "reason", "The survivor asked to wait")));
        Cases.revoke("cw.amani", conferenceConsent);
        expected.add(new Expected("conference cancelled (its invitation's route closed)", cancelled,
                List.of("conference.called Conference CALLED", "conference.changed Conference CANCELLED")));
        expected.add(new Expected("consent for conferences revoked", conferenceConsent, List.of("consent.revoked Consent REVOKED")));
        expected.add(new Expected("invitation withdrawn (its consent revoked)", held,
                List.of("conference.called Conference CALLED", "invitation.withdrawn Conference WITHDRAWN")));

        Map<String, Object> override = Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share",
                "categories", List.of("CASE_SUMMARY", "CONFERENCE"));
        String onItsDecision = WebhookAudienceTest.conferenceWith(caseId,
                List.of(Map.of("agencyCode", PARTNER, "sharingDecision", override)), "sup.amani");
        String invitationDecision = ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { invitations { sharingDecision { id } } } }",
                Map.of("id", onItsDecision)).getString("data.conference.invitations[0].sharingDecision.id");
        withdraw(invitationDecision);
        expected.add(new Expected("sharing decision of an invitation withdrawn", invitationDecision,
                List.of("consent.revoked SharingDecision WITHDRAWN")));
        expected.add(new Expected("invitation withdrawn (its sharing decision withdrawn)", onItsDecision,
                List.of("conference.called Conference CALLED", "invitation.withdrawn Conference WITHDRAWN")));
        return expected;
    }

    static void withdraw(String decision) {
        ok(Tokens.of("sup.amani"), WITHDRAW, Map.of("i", Map.of("id", decision, "reason", "Risk has passed")));
    }

    static int conferenceVersion(String conference) {
        return ok(Tokens.of("cw.amani"), "query($id: ID!) { conference(id: $id) { version } }", Map.of("id", conference))
                .getInt("data.conference.version");
    }

    /** A referral to St Luke made on a supervisor's sharing decision (valid until {@code until}, or the default). */
    static String referralOnDecision(String caseId, OffsetDateTime until) {
        Map<String, Object> decision = new HashMap<>(Map.of("kind", "OVERRIDE", "reason", "Imminent risk; supervisor decided to share",
                "categories", List.of("INCIDENT")));
        if (until != null) decision.put("validUntil", until.toString());
        Map<String, Object> input = Cases.referralInput(caseId, Cases.CLINIC_CARE);
        input.put("sharingDecision", decision);
        return ok(Tokens.of("sup.amani"), Cases.CREATE_REFERRAL, Map.of("i", input)).getString("data.createReferral.referral.id");
    }

    /** A notice as {@code type Object STATUS}. */
    static String what(JsonPath notice) {
        return notice.getString("type") + " " + notice.getString("data.object") + " " + notice.getString("data.status");
    }

    /**
     * What St Luke's endpoint ({@code path} of the receiver, signing with {@code secret}) got of one expected object,
     * each notice checked as its system would: signed (by {@link StandardWebhooksVerifier}, written from the
     * specification), id-only (the payload's keys, none of the survivor's texts), the agencies AMANI and St Luke, the
     * case named exactly by the notices that tell it to drop what it holds; and each event once, under one webhook-id.
     */
    static Row check(Expected expected, Receiver receiver, String path, String secret, Survivor survivor) {
        List<Receiver.Received> got = about(receiver, expected.objectId()).stream().filter(r -> r.path().equals(path)).toList();
        List<String> faults = new ArrayList<>();
        long signed = 0;
        for (Receiver.Received r : got) {
            if (StandardWebhooksVerifier.verifies(secret, r.id(), r.timestamp(), r.body(), r.signature())) {
                signed++;
            } else {
                faults.add("signature does not verify: " + r);
            }
            JsonPath body = JsonPath.from(r.body());
            if (!body.getMap("").keySet().equals(Set.of("type", "timestamp", "data"))
                    || !DATA_KEYS.containsAll(body.getMap("data").keySet())) {
                faults.add("not the id-only shape: " + r.body());
            }
            survivor.texts().stream().filter(r.body()::contains).forEach(text -> faults.add("carries the survivor's '" + text + "': " + r.body()));
            if (!List.of(LEAD, PARTNER).equals(body.getList("data.agencies"))) {
                faults.add("agencies " + body.getList("data.agencies") + ", not [" + LEAD + ", " + PARTNER + "]: " + r.body());
            }
            String caseId = NAMING_THE_CASE.contains(body.getString("type")) ? survivor.caseId() : null;
            if (!java.util.Objects.equals(caseId, body.getString("data.caseId"))) {
                faults.add("data.caseId " + body.getString("data.caseId") + ", expected " + caseId + ": " + r.body());
            }
        }
        if (got.stream().map(Receiver.Received::id).distinct().count() != got.size()) {
            faults.add("one webhook-id for two notices, or one notice twice: " + got.stream().map(Receiver.Received::id).toList());
        }
        return new Row(expected, got.stream().map(r -> what(JsonPath.from(r.body()))).toList(), signed, faults);
    }

    /** What the endpoint at {@code path} (an agency the case does not concern) got that names the case or one of its objects. */
    static List<String> toldOfTheCase(Receiver receiver, String path, Survivor survivor, List<Expected> expected) {
        List<String> ours = new ArrayList<>(List.of(survivor.caseId()));
        expected.forEach(e -> ours.add(e.objectId()));
        return receiver.received.stream().filter(r -> r.path().equals(path) && ours.stream().anyMatch(r.body()::contains))
                .map(Receiver.Received::body).toList();
    }
}
