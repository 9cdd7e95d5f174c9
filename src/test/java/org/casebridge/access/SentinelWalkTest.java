package org.casebridge.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.casebridge.access.SchemaWalk.Sel;
import org.casebridge.access.SentinelFixture.Item;
import org.casebridge.access.SentinelFixture.Planted;
import org.casebridge.access.SentinelFixture.Route;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sentinel walk. A fixture plants a unique sentinel string in every information category of every case
 * ({@link SentinelFixture}); queries generated from the live schema by introspection ({@link SchemaWalk}) reach
 * every root field with every fixture id and are run as every demo caller; every sentinel found anywhere in an
 * answer (data or errors) is checked against an oracle written from the rules (DESIGN "Information categories and
 * consent"), not from the server's code:
 * <ul>
 * <li>the lead agency's caseworkers and supervisors see their own agency's cases in full;</li>
 * <li>anyone else sees a sentinel only through the nearest route object enclosing it in the answer (a Referral, a
 * Conference for the caller's invitation, an ActionItem assigned to the caller's agency) that is addressed to the
 * caller's agency, as a provider, caseworker or supervisor, while the route is open and the fixture's expected grant
 * for it holds the sentinel's category;</li>
 * <li>follow-up texts outside the seven categories (place, challenges, new needs...: {@code LEAD_ONLY}) no route grants;</li>
 * <li>no sentinel in the audit log, access history, aggregates or any error message;</li>
 * <li>an agency never sees another agency's sharing basis, nor other agencies' invitations and attendance
 * without CONFERENCE in its own open grant.</li>
 * </ul>
 * Every violation is collected and the test fails at the end with a readable list. The walk must also see: every
 * planted sentinel by its lead agency's staff, every category consented in full to St Luke through its referral, and
 * something through every open route with a grant, as every staff caller of the agency it is addressed to.
 * Where the server refuses what the rules refuse (the decision-reuse attack of C13), the walk takes it as correct.
 */
@QuarkusTest
class SentinelWalkTest {

    static final Pattern SENTINEL = Pattern.compile("SNTL-C(\\d+)-([A-Z_]+)-(\\d+)");
    static final int BUDGET = 450;      // the server's complexity limit is 500
    static final int MAX_ALIASES = 15;  // the server's alias limit (README "API conventions")
    static final int MAX_DEPTH = 9;     // the server's depth limit is 12
    static final Set<String> STAFF = Set.of("provider", "caseworker", "supervisor");
    static final Set<String> NO_SURVIVOR_DATA_ROOTS = Set.of("auditLog", "accessHistory", "caseManagementIndicators",
            "needsAssessment", "supervisionRatings", "feedbackResults", "observationSummary");

    record Caller(String name, String agency, String role, Supplier<String> tokens) {
        String token() {
            return tokens.get();
        }
    }

    static Caller user(String name, String agency, String role) {
        return new Caller(name, agency, role, () -> Tokens.of(name));
    }

    static Caller system(String client, String secret, String agency) {
        return new Caller(client, agency, "provider", () -> Tokens.serviceAccount(client, secret));
    }

    /** Every demo user of the README and the three agency systems. */
    static final List<Caller> CALLERS = List.of(
            user("cw.amani", "AMANI", "caseworker"), user("cw2.amani", "AMANI", "caseworker"), user("sup.amani", "AMANI", "supervisor"),
            user("admin.amani", "AMANI", "agency-admin"), user("pr.stluke", "STLUKE", "provider"), user("admin.stluke", "STLUKE", "agency-admin"),
            user("pr.lawcentre", "LAWCENTRE", "provider"), user("cw.kindred", "KINDRED", "caseworker"), user("sup.kindred", "KINDRED", "supervisor"),
            user("pr.safehaven", "SAFEHAVEN", "provider"), user("admin.safehaven", "SAFEHAVEN", "agency-admin"),
            user("fac.borno", "AMANI", "facilitator"), user("fac2.borno", "AMANI", "facilitator"),
            user("lead.borno", null, "state-lead"), user("lead.adamawa", null, "state-lead"), user("auditor", "AMANI", "auditor"),
            system("stluke-system", "demo-stluke-secret", "STLUKE"), system("lawcentre-system", "demo-lawcentre-secret", "LAWCENTRE"),
            system("safehaven-system", "demo-safehaven-secret", "SAFEHAVEN"));

    /** A generated document: its aliased root fields. */
    record Doc(String text, Map<String, String> rootByAlias, Map<String, String> callByAlias) {
    }

    record Context(String typename, String id, Map<String, Object> object) {
    }

    /** One finding: who, through which root call, where in the answer, which sentinel, and why it breaks the rules. */
    record Violation(String caller, String call, String path, String sentinel, String why) {
        @Override
        public String toString() {
            return caller + " | " + call + " | " + path + " | " + sentinel + " | " + why;
        }
    }

    SentinelFixture fx;
    final Set<Violation> violations = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> allowedSightings = new ConcurrentHashMap<>();
    final Set<String> seenAllowed = ConcurrentHashMap.newKeySet();
    final Set<String> seenByLead = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> errorCodes = new ConcurrentHashMap<>();
    final Set<String> seenThroughRoutes = ConcurrentHashMap.newKeySet();

    @Test
    void noSentinelLeavesItsRoutes() throws Exception {
        long start = System.currentTimeMillis();
        fx = new SentinelFixture().build();
        Thread.sleep(2_500); // the follow-ups left due fall overdue
        long fixtureMs = System.currentTimeMillis() - start;

        SchemaWalk schema = SchemaWalk.introspect(Tokens.of("cw.amani"));
        List<String> skippedRoots = new ArrayList<>();
        List<String> skippedFields = new ArrayList<>();
        Map<String, List<String>> strings = Map.of("code", List.of("AMANI", "KINDRED", "STLUKE", "LAWCENTRE", "SAFEHAVEN"),
                "state", List.of("Borno", "Adamawa"));
        List<Sel> roots = new ArrayList<>();
        Map<Sel, String> callOf = new LinkedHashMap<>();
        Map<String, SchemaWalk.Field> rootFields = new TreeMap<>();
        for (SchemaWalk.Field root : schema.rootFields()) {
            rootFields.put(root.name(), root);
            StringBuilder why = new StringBuilder();
            List<SchemaWalk.Call> calls = schema.calls(root, fx.idsByType, strings, SentinelFixture::typeOf, why);
            if (calls == null) {
                skippedRoots.add(root.name() + ": " + why);
                continue;
            }
            for (SchemaWalk.Call call : calls) {
                String named = root.type().named();
                Sel sel;
                if (schema.leaf(named)) {
                    sel = new Sel(root.name(), call.args(), null, null);
                } else {
                    sel = new Sel(root.name(), call.args(), null,
                            schema.selection(named, MAX_DEPTH - 1, Set.of(), call.only(), skippedFields));
                }
                for (Sel part : SchemaWalk.split(sel, BUDGET)) {
                    roots.add(part);
                    callOf.put(part, root.name() + call.args());
                }
            }
        }
        Set<String> paths = SchemaWalk.schemaPaths(roots);
        int maxDepth = roots.stream().mapToInt(Sel::depth).max().orElse(0);

        // pack parts into documents under the complexity budget; a root whose type is non-null goes alone (its
        // error would null the whole answer)
        List<Doc> docs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> callsByAlias = new LinkedHashMap<>();
        int used = 0;
        int alias = 0;
        for (Sel part : roots) {
            boolean alone = rootFields.get(part.name).type().nonNull();
            int cost = part.cost();
            if (!aliases.isEmpty() && (alone || used + cost > BUDGET || aliases.size() == MAX_ALIASES)) {
                docs.add(new Doc("{" + text + " }", aliases, callsByAlias));
                text = new StringBuilder();
                aliases = new LinkedHashMap<>();
                callsByAlias = new LinkedHashMap<>();
                used = 0;
            }
            String a = "q" + (alias++);
            text.append(' ').append(a).append(": ");
            part.print(text);
            aliases.put(a, part.name);
            callsByAlias.put(a, callOf.get(part));
            used += cost;
            if (alone) {
                docs.add(new Doc("{" + text + " }", aliases, callsByAlias));
                text = new StringBuilder();
                aliases = new LinkedHashMap<>();
                callsByAlias = new LinkedHashMap<>();
                used = 0;
            }
        }
        if (!aliases.isEmpty()) docs.add(new Doc("{" + text + " }", aliases, callsByAlias));

        // every document as every caller, two at a time
        for (Caller c : CALLERS) c.token();
        long walkStart = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        Map<String, Integer> limitErrors = new ConcurrentHashMap<>();
        for (Caller caller : CALLERS) {
            running.add(pool.submit(() -> {
                for (Doc doc : docs) {
                    run(caller, doc, limitErrors);
                }
            }));
        }
        for (Future<?> f : running) f.get();
        pool.shutdown();
        long walkMs = System.currentTimeMillis() - walkStart;

        // coverage
        Set<String> categories = new TreeSet<>();
        fx.planted.values().forEach(p -> categories.add(p.category()));
        StringBuilder report = new StringBuilder("\n==== SENTINEL WALK ====\n");
        report.append(String.format("fixture: %d cases, %d sentinels planted (%s), %d referral routes, %d invitation routes, %d action items, %d ids; %d ms%n",
                fx.caseIds.size(), fx.planted.size(), categories, fx.referrals.size(), fx.invitations.size(), fx.items.size(),
                fx.allIds().size(), fixtureMs));
        report.append(String.format("generated: %d root calls in %d documents, %d distinct schema paths, deepest %d, %d callers -> %d requests; walk %d ms%n",
                roots.size(), docs.size(), paths.size(), maxDepth, CALLERS.size(), docs.size() * CALLERS.size(), walkMs));
        report.append(String.format("allowed sentinel sightings: %d in all; by caller %s%n",
                allowedSightings.values().stream().mapToInt(Integer::intValue).sum(), new TreeMap<>(allowedSightings)));
        report.append(String.format("distinct sentinels seen, allowed: %d of %d by the lead agencies' staff, %d through routes by other agencies%n",
                seenByLead.size(), fx.planted.size(), seenThroughRoutes.size()));
        report.append("error codes in the answers (code at root: count): ").append(new TreeMap<>(errorCodes)).append('\n');
        report.append("root fields skipped:\n");
        skippedRoots.forEach(s -> report.append("  - ").append(s).append('\n'));
        report.append("root fields not generated at all: Subscription roots (conferenceEvents, referralEvents; over websockets, carry no survivor data)\n");
        new TreeSet<>(skippedFields).forEach(s -> report.append("  - nested field skipped: ").append(s).append('\n'));
        if (!limitErrors.isEmpty()) report.append("LIMIT errors (the split did not fit): ").append(limitErrors).append('\n');
        fx.notes.forEach(n -> report.append("note: ").append(n).append('\n'));

        // the fixture's own findings first, then round-robin over the kinds of violation, so the first 50 show every kind
        Map<String, List<Violation>> byWhy = new TreeMap<>();
        violations.stream().sorted(java.util.Comparator.comparing(Violation::toString))
                .forEach(v -> byWhy.computeIfAbsent(v.why(), k -> new ArrayList<>()).add(v));
        List<String> all = new ArrayList<>(fx.fixtureViolations);
        for (int i = 0; all.size() < fx.fixtureViolations.size() + violations.size(); i++) {
            for (List<Violation> group : byWhy.values()) {
                if (i < group.size()) all.add(group.get(i).toString());
            }
        }
        report.append("violations: ").append(all.size()).append('\n');
        System.out.println(report);

        // a walk that sees nothing proves nothing
        List<String> coverage = new ArrayList<>();
        if (roots.size() < 100) coverage.add("only " + roots.size() + " root calls generated");
        if (paths.size() < 200) coverage.add("only " + paths.size() + " schema paths");
        if (!limitErrors.isEmpty()) coverage.add("documents refused by the server's limits: " + limitErrors);
        for (String lead : List.of("cw.amani", "sup.amani", "cw.kindred", "sup.kindred")) {
            for (String category : categories) {
                if (!seenAllowed.contains(lead + "|lead|" + category)) coverage.add(lead + " never saw its own agency's " + category + " sentinels");
            }
        }
        List<String> unseen = fx.planted.keySet().stream().filter(t -> !seenByLead.contains(t)).toList();
        if (!unseen.isEmpty()) coverage.add("planted sentinels the lead agencies' own staff never saw (a path the walk misses?): " + unseen);
        String r1 = fx.referrals.values().stream().filter(r -> r.caseNo() == 1 && "STLUKE".equals(r.agency())).findFirst().orElseThrow().id();
        for (String category : List.of("IDENTITY", "CASE_SUMMARY", "SAFETY_PLAN", "INCIDENT", "HEALTH", "CASE_PLAN")) {
            for (String provider : List.of("pr.stluke", "stluke-system")) {
                if (!seenAllowed.contains(provider + "|referral:" + r1 + ":STLUKE|" + category)) {
                    coverage.add(provider + " never saw the " + category + " consented to St Luke through its referral of C1");
                }
            }
        }
        // every open route with a grant shows something to every staff caller of the agency it is addressed to
        List<Route> routes = new ArrayList<>(fx.referrals.values());
        routes.addAll(fx.invitations.values());
        for (Route route : routes) {
            if (!route.open() || route.grant().isEmpty()) continue;
            for (Caller c : CALLERS) {
                if (!route.agency().equals(c.agency()) || !STAFF.contains(c.role())) continue;
                String prefix = c.name() + "|" + route.kind() + ":" + route.id() + ":" + route.agency() + "|";
                if (seenAllowed.stream().noneMatch(k -> k.startsWith(prefix))) {
                    coverage.add(c.name() + " saw nothing through the open C" + route.caseNo() + " " + route.kind() + " to " + route.agency()
                            + " [" + route.intent() + "] granting " + route.grant());
                }
            }
        }
        if (!coverage.isEmpty()) {
            System.out.println("COVERAGE GAPS:\n  " + String.join("\n  ", coverage));
        }
        if (!all.isEmpty()) {
            StringBuilder list = new StringBuilder(all.size() + " violations (caller | root call | JSON path | sentinel | why); first 50:\n");
            all.stream().limit(50).forEach(v -> list.append("  ").append(v).append('\n'));
            list.append("  ... ").append(all.size()).append(" in all\n");
            list.append(groups(byWhy));
            System.out.println(list);
            fail(list.toString() + (coverage.isEmpty() ? "" : "\nand coverage gaps:\n  " + String.join("\n  ", coverage)));
        }
        assertTrue(coverage.isEmpty(), () -> "the walk did not see enough to prove anything:\n  " + String.join("\n  ", coverage));
    }

    /** Counts of violations by their kind, with the callers and root calls that showed each, for the summary. */
    static String groups(Map<String, List<Violation>> byWhy) {
        StringBuilder out = new StringBuilder("grouped by why (count, callers, roots):\n");
        byWhy.forEach((why, list) -> out.append(String.format("  %4d  %s%n          callers %s; roots %s%n", list.size(), why,
                new TreeSet<>(list.stream().map(Violation::caller).toList()),
                new TreeSet<>(list.stream().map(v -> v.call().replaceAll("\\(.*", "")).toList()))));
        return out.toString();
    }

    // --- running and walking --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    void run(Caller caller, Doc doc, Map<String, Integer> limitErrors) {
        JsonPath answer = RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + caller.token()).body(Map.of("query", doc.text()))
                .post("/graphql").then().extract().jsonPath();
        Map<String, Object> body = answer.get("$");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        if (errors != null) {
            for (Map<String, Object> e : errors) {
                Map<String, Object> ext = (Map<String, Object>) e.get("extensions");
                Object code = ext == null ? null : ext.get("code");
                errorCodes.merge(code + " at " + doc.rootByAlias().getOrDefault(first(e.get("path")), "(document)"), 1, Integer::sum);
                if ("LIMIT_EXCEEDED".equals(code) || (e.get("path") == null && !"NOT_FOUND".equals(code) && !"FORBIDDEN".equals(code)
                        && !"CONSENT_REQUIRED".equals(code))) {
                    limitErrors.merge(String.valueOf(code) + ": " + e.get("message"), 1, Integer::sum);
                }
                Matcher m = SENTINEL.matcher(String.valueOf(e));
                while (m.find()) {
                    violations.add(new Violation(caller.name(), doc.callByAlias().getOrDefault(first(e.get("path")), "?"),
                            "errors" + e.get("path"), m.group(), "a sentinel in an error"));
                }
            }
        }
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        if (data == null) return;
        for (Map.Entry<String, Object> root : data.entrySet()) {
            String rootField = doc.rootByAlias().get(root.getKey());
            String call = doc.callByAlias().get(root.getKey());
            walk(caller, rootField, call, root.getValue(), new ArrayList<>(List.of(rootField)), new ArrayList<>());
        }
    }

    private static String first(Object path) {
        return path instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : null;
    }

    @SuppressWarnings("unchecked")
    void walk(Caller caller, String root, String call, Object value, List<Object> path, List<Context> contexts) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            boolean pushed = false;
            if (map.get("__typename") instanceof String typename) {
                contexts.add(new Context(typename, map.get("id") instanceof String id ? id : null, map));
                pushed = true;
                if ("ConferenceInvitation".equals(typename)) invitationCheck(caller, call, path, map, contexts);
            }
            for (Map.Entry<String, Object> e : map.entrySet()) {
                path.add(e.getKey());
                walk(caller, root, call, e.getValue(), path, contexts);
                path.remove(path.size() - 1);
            }
            if (pushed) contexts.remove(contexts.size() - 1);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                walk(caller, root, call, list.get(i), path, contexts);
                path.remove(path.size() - 1);
            }
        } else if (value instanceof String s) {
            Matcher m = SENTINEL.matcher(s);
            while (m.find()) {
                sighting(caller, root, call, path, contexts, m.group(), Integer.parseInt(m.group(1)), m.group(2));
            }
        }
    }

    static String jsonPath(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer i) out.append('[').append(i).append(']');
            else out.append(out.isEmpty() ? "" : ".").append(p);
        }
        return out.toString();
    }

    boolean leadStaff(Caller caller, int caseNo) {
        return (caller.role().equals("caseworker") || caller.role().equals("supervisor")) && caller.agency() != null
                && caller.agency().equals(fx.caseLead.get(caseNo));
    }

    /** The oracle for one sentinel seen by {@code caller} at {@code path}. */
    void sighting(Caller caller, String root, String call, List<Object> path, List<Context> contexts, String sentinel, int caseNo,
                  String category) {
        java.util.function.Consumer<String> violation = why -> violations.add(new Violation(caller.name(), call, jsonPath(path), sentinel, why));
        Planted planted = fx.planted.get(sentinel);
        if (planted == null) {
            violation.accept("a sentinel the fixture never planted (altered text?)");
            return;
        }
        if (NO_SURVIVOR_DATA_ROOTS.contains(root) || contexts.stream().anyMatch(c -> c.typename().equals("AuditEntry")
                || c.typename().startsWith("Aggregate"))) {
            violation.accept("survivor information in " + root + " (audit log, access history and aggregates hold none)");
            return;
        }
        if (leadStaff(caller, caseNo)) {
            allowed(caller, "lead", category, sentinel);
            return;
        }
        // the nearest enclosing route object
        Route route = null;
        String routeName = null;
        for (int i = contexts.size() - 1; i >= 0 && route == null; i--) {
            Context c = contexts.get(i);
            switch (c.typename()) {
                case "Referral" -> {
                    route = fx.referrals.get(c.id());
                    if (route == null) {
                        violation.accept("through a referral the fixture does not know (" + c.id() + ")");
                        return;
                    }
                    routeName = "C" + route.caseNo() + " referral to " + route.agency() + " [" + route.intent() + "]";
                }
                case "ActionItem" -> {
                    Item item = fx.items.get(c.id());
                    if (item != null && item.agency().equals(caller.agency())) {
                        route = fx.invitation(item.conferenceId(), caller.agency());
                        routeName = route == null ? null : "C" + route.caseNo() + " action item for " + item.agency()
                                + " (via " + item.agency() + "'s invitation [" + route.intent() + "])";
                        if (route == null) {
                            violation.accept("through an action item of a conference " + caller.agency() + " is not invited to");
                            return;
                        }
                    }
                    // an item of another agency is the conference's information: the enclosing conference decides
                }
                case "Conference" -> {
                    if (!fx.conferenceCase.containsKey(c.id())) {
                        violation.accept("through a conference the fixture does not know (" + c.id() + ")");
                        return;
                    }
                    route = fx.invitation(c.id(), caller.agency());
                    if (route == null) {
                        violation.accept("through the conference of C" + fx.conferenceCase.get(c.id()) + " to which "
                                + caller.agency() + " is not invited");
                        return;
                    }
                    routeName = "C" + route.caseNo() + " conference (" + route.agency() + "'s invitation [" + route.intent() + "])";
                }
                default -> {
                }
            }
        }
        if (route == null) {
            violation.accept("outside any route (a lead-agency-only path), caller is " + caller.role() + " of " + caller.agency()
                    + ", case of " + fx.caseLead.get(caseNo));
            return;
        }
        if (route.caseNo() != caseNo) {
            violation.accept("C" + caseNo + "'s sentinel through " + routeName + " of C" + route.caseNo());
            return;
        }
        if (!route.agency().equals(caller.agency())) {
            violation.accept(routeName + " is addressed to " + route.agency() + ", not " + caller.agency());
            return;
        }
        if (!STAFF.contains(caller.role())) {
            violation.accept("role " + caller.role() + " never sees survivor information");
            return;
        }
        if (!route.open()) {
            violation.accept(routeName + " is closed but still shows " + category);
            return;
        }
        if (!route.grant().contains(category)) {
            violation.accept(routeName + " grants " + route.grant() + ", not " + category);
            return;
        }
        allowed(caller, route.kind() + ":" + route.id() + ":" + route.agency(), category, sentinel);
    }

    void allowed(Caller caller, String via, String category, String sentinel) {
        allowedSightings.merge(caller.name(), 1, Integer::sum);
        seenAllowed.add(caller.name() + "|" + via + "|" + category);
        (via.equals("lead") ? seenByLead : seenThroughRoutes).add(sentinel);
    }

    /**
     * An invitation seen by someone other than the lead staff: another agency's invitation (and anyone's attendance)
     * is CONFERENCE information of the caller's own open grant; another agency's sharing basis is never shown.
     */
    @SuppressWarnings("unchecked")
    void invitationCheck(Caller caller, String call, List<Object> path, Map<String, Object> invitation, List<Context> contexts) {
        Context conference = null;
        for (int i = contexts.size() - 1; i >= 0; i--) {
            if ("Conference".equals(contexts.get(i).typename())) {
                conference = contexts.get(i);
                break;
            }
        }
        if (conference == null || !fx.conferenceCase.containsKey(conference.id())) return;
        int caseNo = fx.conferenceCase.get(conference.id());
        if (leadStaff(caller, caseNo)) return;
        String agency = invitation.get("agency") instanceof Map<?, ?> a ? (String) ((Map<String, Object>) a).get("code") : null;
        Route own = fx.invitation(conference.id(), caller.agency());
        boolean conferenceGranted = own != null && STAFF.contains(caller.role()) && own.effective().contains("CONFERENCE");
        String sentinel = "(C" + caseNo + " invitation of " + agency + ")";
        java.util.function.Consumer<String> violation = why -> violations.add(new Violation(caller.name(), call, jsonPath(path), sentinel, why));
        boolean others = agency == null || !agency.equals(caller.agency());
        if (others && invitation.get("sharingBasis") != null) {
            violation.accept("C" + caseNo + ": another agency's sharingBasis is shown (" + agency + ": " + invitation.get("sharingBasis") + ")");
        }
        if (!conferenceGranted) {
            if (others) {
                violation.accept("C" + caseNo + ": another agency's invitation (" + agency + ") shown without CONFERENCE in "
                        + caller.agency() + "'s open grant" + (own == null ? " (not invited)" : " [" + own.intent() + "]"));
            } else if (invitation.get("attended") != null || invitation.get("attendees") != null) {
                violation.accept("C" + caseNo + ": " + caller.agency() + "'s attendance shown without CONFERENCE in its open grant ["
                        + (own == null ? "not invited" : own.intent()) + "]");
            }
        }
    }
}
