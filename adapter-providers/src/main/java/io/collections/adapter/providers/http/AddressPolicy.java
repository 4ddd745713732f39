package io.collections.adapter.providers.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a fetcher may connect to when the host came from a user: public unicast only. Refused are
 * loopback, unspecified, private (10/8, 172.16/12, 192.168/16, fc00::/7), shared CGNAT (100.64/10), link-local
 * (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), multicast, reserved and documentation
 * ranges, IPv6 forms that embed such an IPv4 address (mapped, translated, compatible, NAT64, 6to4), and IPv6
 * ranges that lead to a site's own translator or tunnel (local-use NAT64, Teredo) or nowhere (discard-only).
 */
public final class AddressPolicy {
    private AddressPolicy() {
    }

    /** True when the address is a public unicast address a user-given host may resolve to. */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(address.getAddress());
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        return !(b0 == 0                                  // "this network", 0.0.0.0
                || b0 == 10                               // private
                || b0 == 127                              // loopback
                || (b0 == 100 && (b1 & 0xc0) == 64)       // CGNAT 100.64/10
                || (b0 == 169 && b1 == 254)               // link-local, cloud metadata
                || (b0 == 172 && (b1 & 0xf0) == 16)       // private 172.16/12
                || (b0 == 192 && b1 == 168)               // private
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (b0 == 198 && (b1 == 18 || b1 == 19))  // benchmarking 198.18/15
                || (b0 == 198 && b1 == 51 && b2 == 100)   // TEST-NET-2
                || (b0 == 203 && b1 == 0 && b2 == 113)    // TEST-NET-3
                || b0 >= 224);                            // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] a) {
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return isPublicIpv4(slice(a, 12));            // IPv4-mapped ::ffff:a.b.c.d
        }
        if (allZero(a, 0, 8) && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && allZero(a, 10, 12)) {
            return isPublicIpv4(slice(a, 12));            // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
        }
        if (allZero(a, 0, 12)) {
            return false;                                 // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && (a[4] & 0xff) == 0x00 && (a[5] & 0xff) == 0x01) {
            return false;                                 // local-use NAT64 64:ff9b:1::/48, a site's own translator
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) {
            return false;                                 // Teredo 2001::/32 tunnels to an obfuscated IPv4 address
        }
        if ((a[0] & 0xff) == 0x01 && a[1] == 0 && allZero(a, 2, 8)) {
            return false;                                 // discard-only 100::/64
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && allZero(a, 4, 12)) {
            return isPublicIpv4(slice(a, 12));            // NAT64 64:ff9b::/96
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return isPublicIpv4(slice(a, 2));             // 6to4 2002::/16 embeds an IPv4 address
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        return !((b0 & 0xfe) == 0xfc                      // unique local fc00::/7, includes fd00:ec2::254
                || (b0 == 0xfe && (b1 & 0xc0) == 0x80)    // link-local fe80::/10
                || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)    // deprecated site-local fec0::/10
                || b0 == 0xff                             // multicast
                || (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8)); // documentation
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    /**
     * Parses an IPv6 or dotted-quad IPv4 literal without any DNS lookup; anything else gives null. Other numeric
     * spellings ({@code 2130706433}, {@code 0x7f.1}) are refused by {@link #looksNumeric} where a user gave them.
     */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!(bare.contains(":") || bare.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"))) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * A host of one to four decimal, octal or {@code 0x} hex parts ({@code 2130706433}, {@code 0x7f.1},
     * {@code 0177.0.0.1}): resolvers read it as an IPv4 address, so it is never taken for a name.
     */
    static boolean looksNumeric(String host) {
        return host.matches("(\\d+|0[xX][0-9a-fA-F]*)(\\.(\\d+|0[xX][0-9a-fA-F]*)){0,3}\\.?");
    }
}
