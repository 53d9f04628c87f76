package dev.proofdesk.server.webhook;

import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Cidr;
import dev.proofdesk.server.store.Environment;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs an endpoint may have. Live endpoints must be HTTPS on public addresses, checked when
 * the URL is saved and again before every delivery (a name can be re-pointed); test endpoints may
 * be plain HTTP on this machine. Cloud metadata addresses are refused everywhere.
 */
public final class UrlPolicy {
    private static final int MAX_LENGTH = 2048;
    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"),
            Cidr.parse("224.0.0.0/3"), Cidr.parse("::/127"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
            Cidr.parse("ff00::/8"), Cidr.parse("64:ff9b::/96"));
    private static final List<Cidr> METADATA = List.of(Cidr.parse("169.254.169.254/32"),
            Cidr.parse("fd00:ec2::254/128"), Cidr.parse("100.100.100.200/32"));

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public UrlPolicy(List<Cidr> allowed, HostResolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
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
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return env.livemode() ? Optional.of("the host " + host + " does not resolve to an address")
                    : Optional.empty();
        }
        for (InetAddress address : addresses) {
            InetAddress plain = unmapped(address);
            if (allowed.stream().anyMatch(c -> c.contains(plain))) {
                continue;
            }
            if (METADATA.stream().anyMatch(c -> c.contains(plain))) {
                return Optional.of(describe(host, plain) + " is a cloud metadata address, never a webhook receiver");
            }
            if (env.livemode() && NON_PUBLIC.stream().anyMatch(c -> c.contains(plain))) {
                return Optional.of(describe(host, plain) + " is " + kind(plain) + "; live endpoints must be "
                        + "reachable on the public internet (an operator can allow a range with "
                        + "PROOFDESK_WEBHOOK_ALLOWED_CIDRS)");
            }
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

    private static String describe(String host, InetAddress address) {
        String ip = address.getHostAddress();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase(ip) ? ip : host + " resolves to " + ip + ", which";
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
        if (address instanceof Inet6Address && isMapped(b)) {
            try {
                return Inet4Address.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
