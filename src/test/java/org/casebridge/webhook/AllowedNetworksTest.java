package org.casebridge.webhook;

import org.casebridge.access.AddressRanges;
import org.casebridge.access.HostResolver;
import org.casebridge.access.WebhookPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.casebridge.webhook.WebhookTest.address;

/**
 * The operator's allow-list ({@code casebridge.webhook.allowed-networks}), on {@link WebhookPolicy} built as the
 * application builds it from that setting: an address inside an allowed network is accepted (and is the address the
 * sender connects to), one outside is refused naming its kind, and no allow-list, not even one allowing everything,
 * opens a cloud metadata address ({@link AddressRanges#NEVER_ALLOWED}, cases generated from that table).
 */
class AllowedNetworksTest {

    /** Host names answered from a map: no DNS. */
    static HostResolver resolving(Map<String, List<InetAddress>> names) {
        return new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                List<InetAddress> found = names.get(host);
                if (found == null) throw new UnknownHostException(host);
                return found;
            }
        };
    }

    static WebhookPolicy policy(HostResolver resolver, List<String> allowedNetworks) {
        return new WebhookPolicy(null, null, null, null, resolver, false, Optional.of(allowedNetworks), 10, Duration.ofDays(30));
    }

    @Test
    void anAddressInsideAnAllowedNetworkIsAcceptedAndOneOutsideIsRefused() throws Exception {
        WebhookPolicy policy = policy(resolving(Map.of(
                "crm.partner.internal", List.of(address("10.20.0.5")),
                "v6.partner.internal", List.of(address("fd12:3456::7")),
                "other.partner.internal", List.of(address("10.30.0.5")),
                "half.partner.internal", List.of(address("10.20.0.6"), address("192.168.1.1")))),
                List.of("10.20.0.0/16", "fd12:3456::/32"));

        WebhookPolicy.Destination accepted = policy.destination("https://crm.partner.internal/hooks/casebridge");
        assertEquals(address("10.20.0.5"), accepted.address(), "the address checked is the one connected to");
        assertEquals(address("fd12:3456::7"), policy.destination("https://v6.partner.internal/hook").address());

        WebhookPolicy.RefusedDestination outside = assertThrows(WebhookPolicy.RefusedDestination.class,
                () -> policy.destination("https://other.partner.internal/hook"));
        assertTrue(outside.getMessage().contains("private") && !outside.getMessage().contains("10.30"), outside.getMessage());
        // every address the name resolves to must pass, not only the first
        assertThrows(WebhookPolicy.RefusedDestination.class, () -> policy.destination("https://half.partner.internal/hook"));
        // the allow-list opens addresses, not plain HTTP
        assertThrows(WebhookPolicy.RefusedDestination.class, () -> policy.destination("http://crm.partner.internal/hook"));
    }

    /** The first and last address of every never-allowed range, and for an IPv4 range its IPv4-mapped IPv6 form too. */
    static List<InetAddress> metadataAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        for (AddressRanges.Range range : AddressRanges.NEVER_ALLOWED) {
            String[] parts = range.cidr().split("/");
            byte[] first = address(parts[0]).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            byte[] last = first.clone();
            for (int bit = prefix; bit < last.length * 8; bit++) {
                last[bit / 8] |= (byte) (0x80 >> (bit % 8));
            }
            for (byte[] bytes : List.of(first, last)) {
                addresses.add(byAddress(bytes));
                if (bytes.length == 4) {
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    addresses.add(ipv6(mapped));
                }
            }
        }
        addresses.add(address("169.254.169.254"));
        return addresses;
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IPv6 address even where Java would answer an IPv4-mapped one as IPv4. */
    static InetAddress ipv6(byte[] bytes) {
        try {
            return java.net.Inet6Address.getByAddress(null, bytes, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noAllowListOpensACloudMetadataAddress() {
        for (InetAddress metadata : metadataAddresses()) {
            WebhookPolicy everything = policy(resolving(Map.of("meta.example", List.of(metadata))),
                    List.of("0.0.0.0/0", "::/0", "169.254.0.0/16", "fe80::/10", "fd00::/8", "100.64.0.0/10"));
            WebhookPolicy.RefusedDestination refused = assertThrows(WebhookPolicy.RefusedDestination.class,
                    () -> everything.destination("https://meta.example/latest/meta-data/"), metadata::toString);
            assertTrue(refused.getMessage().contains("never allowed"), metadata + ": " + refused.getMessage());
        }
    }
}
