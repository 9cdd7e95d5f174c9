package org.casebridge.webhook;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.casebridge.referral.ReferralStatus;
import org.casebridge.support.Cases;
import org.casebridge.support.Tokens;
import org.casebridge.webhook.PartnerSystem.Expected;
import org.casebridge.webhook.PartnerSystem.Move;
import org.casebridge.webhook.PartnerSystem.Row;
import org.casebridge.webhook.PartnerSystem.Survivor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.casebridge.support.GraphQLClient.ok;
import static org.casebridge.webhook.WebhookTest.ALL_TYPES;
import static org.casebridge.webhook.WebhookTest.register;

/**
 * The "done when" on the running demo ({@code mvn -Pdemo package}): a partner system receives a signed notice
 * for every status change of its referrals and for every revocation that concerns it. With real tokens of the demo
 * realm, St Luke's admin registers an endpoint for every event type on a receiver started here on loopback, Safe
 * Haven's admin one too (an agency the case does not concern); on a case of its own AMANI makes every referral move
 * the API allows by hand and every revocation a user can cause ({@link PartnerSystem}); the demo sends the notices
 * on commit, as in production. It waits until both endpoints' delivery logs have nothing pending, checks each
 * expected notice arrived once by webhook-id, signed, id-only and of the right type, status and agencies, and that
 * Safe Haven heard nothing of the case; prints a table, lists what only time can drive, deletes its endpoints, and
 * exits 1 on any miss. Run with the test classpath (README "Webhooks for partner systems"):
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.casebridge.webhook.DemoPartner [API URL] [issuer]}.
 */
public final class DemoPartner {

    static final String DELIVERIES = """
            query($e: ID!, $a: String) { webhookDeliveries(endpointId: $e, first: 100, after: $a) {
              pageInfo { hasNextPage endCursor } edges { node { status } } } }""";
    static final String VERSION = "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { version } } }";
    static final String DELETE = "mutation($i: WebhookEndpointInput!) { deleteWebhookEndpoint(input: $i) { deletedId } }";
    /** How long the endpoints may keep deliveries pending before the check is made with what arrived. */
    static final Duration SETTLE = Duration.ofMinutes(3);

    private DemoPartner() {
    }

    public static void main(String[] args) {
        URI api = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        RestAssured.baseURI = api.getScheme() + "://" + api.getHost();
        RestAssured.port = api.getPort() != -1 ? api.getPort() : api.getScheme().equals("https") ? 443 : 80;
        // the realm the API trusts, as the web app learns it, unless named
        String issuer = args.length > 1 ? args[1] : RestAssured.get("/app/config.json").then().statusCode(200).extract().path("issuer");
        Tokens.useIssuer(issuer);
        System.out.println("API " + api + ", tokens from " + issuer);

        int exit;
        try (Receiver receiver = new Receiver()) {
            WebhookTest.Endpoint stluke = register("admin.stluke", receiver, "/stluke", ALL_TYPES);
            WebhookTest.Endpoint safehaven = register("admin.safehaven", receiver, "/safehaven", ALL_TYPES);
            System.out.println("Endpoints registered: St Luke " + receiver.url("/stluke") + ", Safe Haven " + receiver.url("/safehaven"));
            try {
                exit = check(receiver, stluke, safehaven);
            } finally {
                delete("admin.stluke", stluke);
                delete("admin.safehaven", safehaven);
                System.out.println("Endpoints deleted.");
            }
        }
        System.exit(exit);
    }

    static int check(Receiver receiver, WebhookTest.Endpoint stluke, WebhookTest.Endpoint safehaven) {
        Map<String, Object> input = Cases.openInput("Demo Partner Check " + UUID.randomUUID());
        input.put("reportingConsent", false); // the demo's figures stay as they were
        Survivor survivor = PartnerSystem.openCase(input);
        System.out.println("Case " + survivor.caseId() + " opened by cw.amani");
        List<Expected> expected = new ArrayList<>(PartnerSystem.referEveryMove(survivor.caseId(), null, false));
        expected.addAll(PartnerSystem.revokeByHand(survivor.caseId()));

        Instant start = Instant.now();
        boolean settled = awaitSettled(List.of(Map.entry("admin.stluke", stluke), Map.entry("admin.safehaven", safehaven)));
        System.out.printf("Delivery logs %s after %.1f s%n", settled ? "settled (nothing pending)" : "still pending", Duration.between(start, Instant.now()).toMillis() / 1000.0);

        List<Row> rows = expected.stream().map(e -> PartnerSystem.check(e, receiver, "/stluke", stluke.secret(), survivor)).toList();
        List<String> toldSafeHaven = PartnerSystem.toldOfTheCase(receiver, "/safehaven", survivor, expected);
        List<String[]> table = new ArrayList<>();
        table.add(new String[]{"event", "expected", "received", "signature ok"});
        for (Row row : rows) {
            table.add(new String[]{(row.ok() ? "" : "MISS ") + row.expected().event(), String.join(", ", row.expected().notices()),
                    row.received().equals(row.expected().notices()) ? "the same (" + row.received().size() + ")" : String.join(", ", row.received()),
                    row.signed() + "/" + row.received().size()});
        }
        table.add(new String[]{(toldSafeHaven.isEmpty() ? "" : "MISS ") + "Safe Haven (not concerned)", "nothing of the case",
                toldSafeHaven.isEmpty() ? "nothing" : toldSafeHaven.size() + " notices", "-"});
        print(table);
        rows.stream().flatMap(r -> r.faults().stream().map(f -> r.expected().event() + ": " + f)).forEach(f -> System.out.println("FAULT " + f));
        toldSafeHaven.forEach(body -> System.out.println("FAULT Safe Haven was told: " + body));

        System.out.println("\nNot drivable live (they come with time, checked by PartnerSystemTest with its own clock):");
        notDrivableLive().forEach(line -> System.out.println("  - " + line));

        long misses = rows.stream().filter(r -> !r.ok()).count() + (toldSafeHaven.isEmpty() ? 0 : 1);
        long notices = rows.stream().mapToLong(r -> r.expected().notices().size()).sum();
        System.out.println(misses == 0
                ? "\nOK: " + notices + " notices about " + rows.size() + " objects, each once, signed and id-only; Safe Haven told nothing."
                : "\nFAILED: " + misses + " of " + (rows.size() + 1) + " rows miss.");
        return misses == 0 ? 0 : 1;
    }

    /** The notices only time brings, derived from the same tables as the moves. */
    static List<String> notDrivableLive() {
        List<String> lines = new ArrayList<>();
        PartnerSystem.moves().stream().filter(m -> m.by() == null).map(Move::toString)
                .forEach(m -> lines.add(m + ": referral.expired and route.closed, when St Luke does not answer by its response deadline"));
        for (ReferralStatus status : ReferralStatus.values()) {
            if (PartnerSystem.routeClosesLater(status)) {
                lines.add("route.closed " + status + ": 30 days after the referral was " + status.name().toLowerCase()
                        + " (casebridge.access.referral-route-after-end)");
            }
        }
        lines.add("consent.expired Consent EXPIRED: a consent's validUntil passes (and invitation.withdrawn for an invitation on it)");
        lines.add("consent.expired SharingDecision EXPIRED: a sharing decision's validUntil passes (and invitation.withdrawn for an invitation on it)");
        return lines;
    }

    /** Waits until no delivery of the endpoints is pending (each was delivered or gave up), or {@link #SETTLE} passed. */
    static boolean awaitSettled(List<Map.Entry<String, WebhookTest.Endpoint>> endpoints) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            if (endpoints.stream().allMatch(e -> pending(e.getKey(), e.getValue()) == 0)) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static long pending(String admin, WebhookTest.Endpoint endpoint) {
        long pending = 0;
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("e", endpoint.id());
            variables.put("a", after);
            JsonPath page = ok(Tokens.of(admin), DELIVERIES, variables);
            pending += page.getList("data.webhookDeliveries.edges.node.status").stream().filter("PENDING"::equals).count();
            after = page.getBoolean("data.webhookDeliveries.pageInfo.hasNextPage") ? page.getString("data.webhookDeliveries.pageInfo.endCursor") : null;
        } while (after != null);
        return pending;
    }

    static void delete(String admin, WebhookTest.Endpoint endpoint) {
        int version = ok(Tokens.of(admin), VERSION, Map.of("id", endpoint.id())).getInt("data.node.version");
        ok(Tokens.of(admin), DELETE, Map.of("i", Map.of("id", endpoint.id(), "version", version)));
    }

    /** A Markdown table, columns padded to their widest cell. */
    static void print(List<String[]> table) {
        int[] widths = new int[table.get(0).length];
        table.forEach(row -> {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        });
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) line.append(' ').append(String.format("%-" + widths[i] + "s", table.get(r)[i])).append(" |");
            System.out.println(line);
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) rule.append(' ').append("-".repeat(width)).append(" |");
                System.out.println(rule);
            }
        }
    }
}
