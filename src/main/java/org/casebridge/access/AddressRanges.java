package org.casebridge.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses Casebridge never posts a webhook to, in one table (after the IANA IPv4 and IPv6 special-purpose
 * registries): private, loopback, link-local and cloud metadata, shared and reserved space, documentation and
 * benchmarking networks, multicast and broadcast, and the tunnels that would carry a post to any of them. An IPv6
 * range that embeds an IPv4 address (IPv4-mapped and -compatible, NAT64, 6to4) is judged by that address. The first
 * row that contains an address decides, so a narrower row comes before the wider one it sits in.
 */
public final class AddressRanges {

    /** A range in CIDR notation, what it is in words for the agency's admin, and where it embeds an IPv4 address. */
    public record Range(String cidr, String kind, int embedsIPv4AtByte) {
        static Range refused(String cidr, String kind) {
            return new Range(cidr, kind, -1);
        }

        static Range embedding(String cidr, String kind, int atByte) {
            return new Range(cidr, kind, atByte);
        }

        public boolean embedsIPv4() {
            return embedsIPv4AtByte >= 0;
        }
    }

    public static final List<Range> NOT_PUBLIC = List.of(
            Range.refused("0.0.0.0/8", "unspecified (\"this network\")"),
            Range.refused("10.0.0.0/8", "private"),
            Range.refused("100.64.0.0/10", "carrier-grade NAT (shared)"),
            Range.refused("127.0.0.0/8", "loopback"),
            Range.refused("169.254.0.0/16", "link-local (metadata)"),
            Range.refused("172.16.0.0/12", "private"),
            Range.refused("192.0.0.0/24", "IETF protocol assignment"),
            Range.refused("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Range.refused("192.88.99.0/24", "6to4 relay anycast"),
            Range.refused("192.168.0.0/16", "private"),
            Range.refused("198.18.0.0/15", "benchmarking"),
            Range.refused("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Range.refused("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Range.refused("224.0.0.0/4", "multicast"),
            Range.refused("255.255.255.255/32", "broadcast"),
            Range.refused("240.0.0.0/4", "reserved"),
            Range.refused("::/128", "unspecified"),
            Range.refused("::1/128", "loopback"),
            Range.embedding("::ffff:0:0/96", "IPv4-mapped", 12),
            Range.embedding("::/96", "IPv4-compatible", 12),
            Range.refused("64:ff9b:1::/48", "local-use NAT64"),
            Range.embedding("64:ff9b::/96", "NAT64", 12),
            Range.refused("100::/64", "discard-only"),
            Range.refused("2001::/32", "Teredo tunnel"),
            Range.refused("2001:2::/48", "benchmarking"),
            Range.refused("2001:db8::/32", "documentation"),
            Range.embedding("2002::/16", "6to4", 2),
            Range.refused("3fff::/20", "documentation"),
            Range.refused("fc00::/7", "unique-local (private)"),
            Range.refused("fec0::/10", "site-local (deprecated, private)"),
            Range.refused("fe80::/10", "link-local"),
            Range.refused("ff00::/8", "multicast"));

    private static final List<Network> NETWORKS = NOT_PUBLIC.stream().map(r -> Network.parse(r.cidr())).toList();

    /**
     * Where clouds serve instance metadata (credentials): never a webhook's destination, whatever an operator's
     * allow-list says. All of link-local (169.254/16, fe80::/10: the AWS, GCP, Azure and OpenStack metadata and the
     * ECS task endpoint 169.254.170.2; no partner's receiver lives there), AWS's IPv6 endpoint and Alibaba's, which sit
     * in ranges an operator may well allow (unique-local, carrier-grade NAT). IPv4 forms embedded in IPv6 count too.
     */
    public static final List<Range> NEVER_ALLOWED = List.of(
            Range.refused("169.254.0.0/16", "link-local (metadata)"),
            Range.refused("fe80::/10", "link-local"),
            Range.refused("fd00:ec2::254/128", "cloud metadata"),
            Range.refused("100.100.100.200/32", "cloud metadata"));

    private static final List<Network> NEVER = NEVER_ALLOWED.stream().map(r -> Network.parse(r.cidr())).toList();

    private AddressRanges() {
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < NOT_PUBLIC.size(); i++) {
            if (NETWORKS.get(i).contains(bytes)) {
                Range range = NOT_PUBLIC.get(i);
                if (!range.embedsIPv4()) {
                    return range.kind();
                }
                String embedded = kindOf(Network.address(Arrays.copyOfRange(bytes, range.embedsIPv4AtByte(), range.embedsIPv4AtByte() + 4)));
                return embedded == null ? null : embedded + " in " + range.kind();
            }
        }
        return null;
    }

    /** What kind of metadata address this is (itself or the IPv4 address it embeds), or null: see {@link #NEVER_ALLOWED}. */
    static String neverAllowed(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < NEVER_ALLOWED.size(); i++) {
            if (NEVER.get(i).contains(bytes)) {
                return NEVER_ALLOWED.get(i).kind();
            }
        }
        for (int i = 0; i < NOT_PUBLIC.size(); i++) {
            Range range = NOT_PUBLIC.get(i);
            if (range.embedsIPv4() && NETWORKS.get(i).contains(bytes)) {
                String embedded = neverAllowed(Network.address(Arrays.copyOfRange(bytes, range.embedsIPv4AtByte(), range.embedsIPv4AtByte() + 4)));
                return embedded == null ? null : embedded + " in " + range.kind();
            }
        }
        return null;
    }

    /** A network {@code address/prefix}: a row of the table, or an operator's allowed network. */
    record Network(byte[] address, int prefix) {
        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                if (parts[0].contains(":") && address.length == 4) {
                    // Java answers an IPv4-mapped IPv6 literal (::ffff:0:0) as its IPv4 address: keep it IPv6
                    address = mapped(address);
                }
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new NumberFormatException(parts[1]);
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalStateException("not a network: " + cidr);
            }
        }

        boolean contains(InetAddress candidate) {
            return contains(candidate.getAddress());
        }

        boolean contains(byte[] b) {
            if (b.length != address.length) return false;
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (address[bit / 8] & mask)) return false;
            }
            return true;
        }

        private static byte[] mapped(byte[] v4) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return v6;
        }

        private static InetAddress address(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
