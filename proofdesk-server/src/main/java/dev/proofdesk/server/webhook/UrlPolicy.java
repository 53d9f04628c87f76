package dev.proofdesk.server.webhook;

import dev.proofdesk.server.config.Cidr;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs an endpoint may have. Both environments reach only public addresses: live endpoints
 * must also use HTTPS, test endpoints may use plain HTTP and this machine's loopback (local
 * development). An IPv6 address that carries an IPv4 address (IPv4-compatible, 6to4, Teredo, NAT64)
 * is judged by the IPv4 address it carries. Cloud metadata addresses are refused everywhere;
 * {@code PROOFDESK_WEBHOOK_ALLOWED_CIDRS} opens other ranges in both environments. The rules are
 * checked when a URL is saved and again on every connection, on the very addresses the connection
 * uses (see {@link #addresses}), so re-pointing a name after the check reaches nothing.
 */
public final class UrlPolicy {
    private static final int MAX_LENGTH = 2048;
    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"),
            Cidr.parse("224.0.0.0/3"), Cidr.parse("::/127"), Cidr.parse("100::/64"), Cidr.parse("2001:db8::/32"),
            Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"),
            Cidr.parse("64:ff9b:1::/48"));
    private static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
    private static final List<Cidr> METADATA = List.of(Cidr.parse("169.254.169.254/32"),
            Cidr.parse("fd00:ec2::254/128"), Cidr.parse("100.100.100.200/32"));

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public UrlPolicy(List<Cidr> allowed, HostResolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** An address the environment may not reach; the message says which and why. */
    public static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String reason) {
            super(reason);
        }
    }

    /** For the API: the parsed URL, or a 400 on {@code url} naming the reason. */
    public URI require(Environment env, String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.validation("url", "is required, e.g. https://example.com/webhooks/proofdesk");
        }
        URI uri = parse(url).orElseThrow(() -> ApiException.validation("url",
                "'" + url + "' is not an absolute http(s) URL such as https://example.com/webhooks"));
        refusal(env, uri).ifPresent(reason -> {
            throw ApiException.validation("url", reason);
        });
        return uri;
    }

    /** Empty when {@code uri} may receive this environment's events now; otherwise why not. */
    public Optional<String> refusal(Environment env, URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (env.livemode() && !scheme.equals("https")) {
            return Optional.of("live endpoints must use https (test endpoints may use http://localhost)");
        }
        String host = uri.getHost();
        try {
            addresses(env, host);
        } catch (RefusedAddressException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            // A test endpoint may name a host only the developer's machine knows; deliveries will say so.
            return env.livemode() ? Optional.of("the host " + host + " does not resolve to an address")
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What {@code host} resolves to, when this environment may reach every one of those addresses.
     * The webhook client connects to exactly these, never resolving the name again.
     */
    public List<InetAddress> addresses(Environment env, String host) throws UnknownHostException {
        String bare = bare(host);
        List<InetAddress> addresses = resolver.resolve(bare);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(env, address);
            if (refused.isPresent()) {
                throw new RefusedAddressException(describe(bare, address) + " " + refused.get());
            }
        }
        return addresses;
    }

    /** Why {@code address} may not be reached from this environment, as "is …; …", or empty. */
    private Optional<String> refusal(Environment env, InetAddress address) {
        InetAddress plain = unmapped(address);
        if (allowed.stream().anyMatch(c -> c.contains(plain))) {
            return Optional.empty();
        }
        if (METADATA.stream().anyMatch(c -> c.contains(plain))) {
            return Optional.of("is a cloud metadata address, never a webhook receiver");
        }
        for (InetAddress carried : embeddedIpv4(plain)) {
            Optional<String> refused = refusal(env, carried);
            if (refused.isPresent()) {
                return Optional.of("carries the IPv4 address " + carried.getHostAddress() + ", which "
                        + refused.get());
            }
        }
        if (!env.livemode() && LOOPBACK.stream().anyMatch(c -> c.contains(plain))) {
            return Optional.empty();
        }
        if (NON_PUBLIC.stream().anyMatch(c -> c.contains(plain))) {
            return Optional.of("is " + kind(plain) + "; " + (env.livemode()
                    ? "live endpoints must be reachable on the public internet"
                    : "test endpoints may use this machine (localhost) or public addresses")
                    + " (an operator can allow a range with PROOFDESK_WEBHOOK_ALLOWED_CIDRS)");
        }
        return Optional.empty();
    }

    static Optional<URI> parse(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** "10.0.0.1" when the URL named the address itself, else "name resolves to 10.0.0.1, which". */
    private static String describe(String host, InetAddress address) {
        String ip = address.getHostAddress();
        boolean literal = host.equalsIgnoreCase(ip) || literal(host).filter(address::equals).isPresent();
        return literal ? ip : host + " resolves to " + ip + ", which";
    }

    private static Optional<InetAddress> literal(String host) {
        if (!host.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String kind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc)) {
            return "a private address";
        }
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        return "not a public address";
    }

    /** {@code ::ffff:10.0.0.1} is checked as {@code 10.0.0.1}. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(b, 12, 0);
        }
        return address;
    }

    /**
     * The IPv4 addresses an IPv6 address carries: IPv4-compatible {@code ::a.b.c.d}, 6to4
     * {@code 2002:AABB:CCDD::/48}, Teredo {@code 2001::/32} (its server, and its client with the bits
     * inverted) and NAT64's well-known prefix {@code 64:ff9b::/96}. The local-use NAT64 prefix
     * {@code 64:ff9b:1::/48} is non-public as a whole.
     */
    static List<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of();
        }
        byte[] b = address.getAddress();
        List<InetAddress> out = new ArrayList<>();
        if (zeros(b, 0, 12) && !(zeros(b, 12, 15) && (b[15] & 0xfe) == 0)) {
            out.add(ipv4(b, 12, 0));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            out.add(ipv4(b, 2, 0));
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            out.add(ipv4(b, 4, 0));
            out.add(ipv4(b, 12, 0xff));
        } else if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zeros(b, 4, 12)) {
            out.add(ipv4(b, 12, 0));
        }
        return out;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int offset, int xor) {
        byte[] v4 = Arrays.copyOfRange(b, offset, offset + 4);
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (v4[i] ^ xor);
        }
        try {
            return Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
