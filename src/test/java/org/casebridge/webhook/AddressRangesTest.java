package org.casebridge.webhook;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.casebridge.access.AddressRanges;
import org.casebridge.access.HostResolver;
import org.casebridge.access.WebhookPolicy;
import org.casebridge.support.Cases;
import org.casebridge.support.Db;
import org.casebridge.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.casebridge.support.GraphQLClient.call;
import static org.casebridge.support.GraphQLClient.error;
import static org.casebridge.support.GraphQLClient.field;
import static org.casebridge.support.GraphQLClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side request forgery: every range of {@link AddressRanges#NOT_PUBLIC}, by its first and its last address, is
 * refused when a host name resolves to it, at registration ({@code VALIDATION_FAILED} on {@code input.url}, nothing
 * stored) and at delivery ({@code DESTINATION_REFUSED}, nothing connected to). The cases come from the table itself,
 * so a row added there is tested here. IPv6 forms that embed an IPv4 address are judged by that address.
 */
@QuarkusTest
class AddressRangesTest {

    @Inject
    WebhookSender sender;

    @BeforeEach
    @AfterEach
    void noEndpoints() {
        Db.execute("delete from webhook_endpoint");
    }

    /**
     * The first and last address of every range, each under a host name of its own, in table order, with the row that
     * decides it: the first that contains it (255.255.255.255, the last of 240.0.0.0/4, is the broadcast row's).
     */
    static Map<String, Edge> edges() {
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (int i = 0; i < AddressRanges.NOT_PUBLIC.size(); i++) {
            byte[][] bounds = bounds(AddressRanges.NOT_PUBLIC.get(i));
            edges.put("range" + i + "-first.example", new Edge(decidingRow(bounds[0]), address(bounds[0])));
            edges.put("range" + i + "-last.example", new Edge(decidingRow(bounds[1]), address(bounds[1])));
        }
        return edges;
    }

    /** A range's first and last address. */
    static byte[][] bounds(AddressRanges.Range range) {
        String[] parts = range.cidr().split("/");
        byte[] first = literal(parts[0]);
        byte[] last = first.clone();
        for (int bit = Integer.parseInt(parts[1]); bit < first.length * 8; bit++) {
            first[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            last[bit / 8] |= (byte) (0x80 >> (bit % 8));
        }
        return new byte[][]{first, last};
    }

    static AddressRanges.Range decidingRow(byte[] address) {
        return AddressRanges.NOT_PUBLIC.stream().filter(range -> {
            byte[][] bounds = bounds(range);
            return bounds[0].length == address.length && Arrays.compareUnsigned(bounds[0], address) <= 0
                    && Arrays.compareUnsigned(address, bounds[1]) <= 0;
        }).findFirst().orElseThrow();
    }

    record Edge(AddressRanges.Range range, InetAddress address) {
    }

    /** An address literal's bytes, an IPv6 one always 16 (Java answers ::ffff:a.b.c.d as IPv4). */
    static byte[] literal(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, v6, 12, 4);
                return v6;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address as a resolver answers it: an IPv6 one stays IPv6, embedded IPv4 forms included. */
    static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, (NetworkInterface) null) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static void resolving(Map<String, InetAddress> names) {
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return names.containsKey(host) ? List.of(names.get(host)) : super.resolve(host);
            }
        }, HostResolver.class);
    }

    static Map<String, InetAddress> addresses(Map<String, Edge> edges) {
        Map<String, InetAddress> names = new LinkedHashMap<>();
        edges.forEach((name, edge) -> names.put(name, edge.address()));
        return names;
    }

    @Test
    void everyRangeIsRefusedAtRegistrationByItsFirstAndLastAddress() {
        Map<String, Edge> edges = edges();
        resolving(addresses(edges));
        edges.forEach((name, edge) -> {
            if (edge.address().isLoopbackAddress()) {
                return; // the test profile allows loopback (casebridge.webhook.allow-loopback): checked below without it
            }
            Map<String, Object> refusal = error(call(Tokens.of("admin.stluke"), WebhookTest.CREATE, Map.of("i", Map.of(
                    "url", "https://" + name + "/hook", "eventTypes", List.of("REFERRAL_REQUESTED")))), "VALIDATION_FAILED");
            assertEquals("input.url", field(refusal), name);
            assertTrue(((String) refusal.get("message")).contains(edge.range().kind())
                    && !((String) refusal.get("message")).contains(edge.address().getHostAddress()),
                    () -> "the kind, never the address a host name resolves to: " + edge + ": " + refusal);
        });
        assertEquals(0, Db.count("select count(*) from webhook_endpoint"));

        // without the demo and test profiles' loopback exemption, its rows are refused like every other
        HostResolver resolver = new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) {
                return List.of(edges.get(host).address());
            }
        };
        WebhookPolicy production = new WebhookPolicy(null, null, null, null, resolver, false, Optional.empty(), 10, Duration.ofDays(30));
        edges.forEach((name, edge) -> {
            WebhookPolicy.RefusedDestination refused = assertThrows(WebhookPolicy.RefusedDestination.class,
                    () -> production.destination("https://" + name + "/hook"), name);
            assertTrue(refused.getMessage().contains(edge.range().kind()), refused::getMessage);
        });
    }

    @Test
    void embeddedIPv4FormsAreJudgedByTheAddressTheyCarry() {
        Map<String, InetAddress> refused = new LinkedHashMap<>();
        refused.put("mapped.example", address(literal("::ffff:10.0.0.1")));
        refused.put("compatible.example", address(literal("::169.254.169.254")));
        refused.put("nat64.example", address(literal("64:ff9b::a9fe:a9fe")));
        refused.put("sixtofour.example", address(literal("2002:a00:1::1")));
        refused.put("sixtofour-loopback.example", address(literal("2002:7f00:1::")));
        refused.put("mapped-loopback.example", address(literal("::ffff:127.0.0.1")));
        Map<String, InetAddress> allowed = Map.of("nat64-public.example", address(literal("64:ff9b::808:808")),
                "sixtofour-public.example", address(literal("2002:808:808::1")));
        Map<String, InetAddress> names = new LinkedHashMap<>(refused);
        names.putAll(allowed);
        resolving(names);
        refused.forEach((name, address) -> {
            Map<String, Object> refusal = error(call(Tokens.of("admin.stluke"), WebhookTest.CREATE, Map.of("i", Map.of(
                    "url", "https://" + name + "/hook", "eventTypes", List.of("REFERRAL_REQUESTED")))), "VALIDATION_FAILED");
            assertEquals("input.url", field(refusal), name);
        });
        assertEquals(0, Db.count("select count(*) from webhook_endpoint"));
        allowed.forEach((name, address) -> ok(Tokens.of("admin.stluke"), WebhookTest.CREATE, Map.of("i", Map.of(
                "url", "https://" + name + "/hook", "eventTypes", List.of("REFERRAL_REQUESTED")))));
    }

    @Test
    void everyRangeIsRefusedAtDeliveryAfterResolution() {
        try (Receiver receiver = new Receiver()) {
            AtomicReference<InetAddress> answer = new AtomicReference<>(address(literal("127.0.0.1")));
            QuarkusMock.installMockForType(new HostResolver() {
                @Override
                public List<InetAddress> resolve(String host) throws UnknownHostException {
                    return host.equals("partner.example") ? List.of(answer.get()) : super.resolve(host);
                }
            }, HostResolver.class);
            String endpoint = ok(Tokens.of("admin.stluke"), WebhookTest.CREATE, Map.of("i", Map.of(
                    "url", "http://partner.example:" + receiver.port() + "/hook", "eventTypes", List.of("REFERRAL_REQUESTED"))))
                    .getString("data.createWebhookEndpoint.endpoint.id");
            String caseId = Cases.open("cw.amani", "Ranges Survivor " + java.util.UUID.randomUUID());
            Cases.consent("cw.amani", caseId, "STLUKE", List.of("CASE_SUMMARY"), "REFERRAL");
            Cases.refer("cw.amani", caseId, Cases.CLINIC_CARE);

            List<Edge> tried = edges().values().stream().filter(e -> !e.address().isLoopbackAddress()).toList();
            for (Edge edge : tried) {
                answer.set(edge.address());
                // each attempt as the first: no backoff, no pause, so one attempt per address
                Db.execute("update webhook_delivery set status = 'PENDING', next_attempt_at = now() - interval '1 second', "
                        + "first_attempt_at = null where endpoint_id = ?", Cases.uuid(endpoint));
                Db.execute("update webhook_endpoint set status = 'ACTIVE', consecutive_failures = 0 where id = ?", Cases.uuid(endpoint));
                assertEquals(1, sender.deliverDue(WebhookTest.now().plusSeconds(1)), edge::toString);
            }
            List<Map<String, Object>> attempts = Db.rows("""
                    select a.error, a.message from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                    where d.endpoint_id = ? order by a.id""", Cases.uuid(endpoint));
            assertEquals(tried.size(), attempts.size());
            for (int i = 0; i < tried.size(); i++) {
                Edge edge = tried.get(i);
                assertEquals("DESTINATION_REFUSED", attempts.get(i).get("error"), edge::toString);
                String message = (String) attempts.get(i).get("message");
                assertTrue(message.contains(edge.range().kind()) && !message.contains(edge.address().getHostAddress()),
                        () -> "the kind, never the address a host name resolves to: " + edge + ": " + message);
            }
            assertTrue(receiver.received.isEmpty(), "a refused address was connected to");
        }
    }
}
