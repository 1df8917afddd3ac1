package dev.handoff.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which addresses outgoing requests (webhooks, callbacks, {@code http} jobs) may go to. Every host is resolved
 * and every one of its addresses checked: an address in a refused range stops the request, unless the
 * allowlist opens it. The caller then connects to the checked address, never to a second lookup's answer, so
 * a DNS answer that changes between check and connection (rebinding) cannot redirect the request.
 *
 * <p>The allowlist ({@value WebhooksConfig#ALLOWED_TARGETS}) is a comma-separated list of address blocks
 * ({@code 127.0.0.1/32}, {@code 10.1.0.0/16}, {@code fd00::/8}) and host names ({@code hooks.internal}, which
 * opens every address that name resolves to).
 */
public final class TargetPolicy {

    /** Refused unless allowed, each with the reason given to the caller. */
    private static final Map<Cidr, String> REFUSED = refusedRanges();
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final List<Cidr> allowedBlocks;
    private final Set<String> allowedHosts;

    private TargetPolicy(List<Cidr> allowedBlocks, Set<String> allowedHosts) {
        this.allowedBlocks = allowedBlocks;
        this.allowedHosts = allowedHosts;
    }

    /** The policy of the current setting, read anew at each call so that an operator's change applies at once. */
    public static TargetPolicy current() {
        return of(WebhooksConfig.allowedTargets());
    }

    /**
     * @param allowlist comma-separated blocks and host names; blank for none
     * @throws IllegalArgumentException when an entry is neither
     */
    static TargetPolicy of(String allowlist) {
        List<Cidr> blocks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allowlist.split(",")) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.matches("[0-9.]+(/\\d+)?|[0-9a-f:.]*:[0-9a-f:.]*(/\\d+)?")) {
                blocks.add(Cidr.parse(trimmed));
            } else {
                hosts.add(trimmed);
            }
        }
        return new TargetPolicy(List.copyOf(blocks), Set.copyOf(hosts));
    }

    /**
     * Checks a URL's scheme and host and resolves it.
     *
     * @return the address to connect to: the host's first address, once all of them passed
     * @throws RefusedTargetException saying why the URL is refused
     */
    public InetAddress check(URI url) throws RefusedTargetException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || url.getHost() == null) {
            throw new RefusedTargetException("only absolute http and https URLs with a host are allowed");
        }
        String host = hostOf(url);
        InetAddress[] addresses = resolve(host);
        if (!allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : addresses) {
                String refusal = refusal(address);
                if (refusal != null) {
                    throw new RefusedTargetException("host " + host + " resolves to " + address.getHostAddress()
                            + ", " + refusal + "; the setting " + WebhooksConfig.ALLOWED_TARGETS + " can allow it");
                }
            }
        }
        return addresses[0];
    }

    /** Why an address is refused under this policy, or {@code null} when it is allowed. */
    String refusal(InetAddress address) {
        for (Cidr allowed : allowedBlocks) {
            if (allowed.contains(address)) {
                return null;
            }
        }
        for (Map.Entry<Cidr, String> refused : REFUSED.entrySet()) {
            if (refused.getKey().contains(address)) {
                return refused.getValue();
            }
        }
        return null;
    }

    /** The host without the brackets of an IPv6 literal. */
    static String hostOf(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InetAddress[] resolve(String host) throws RefusedTargetException {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("host " + host + " does not resolve");
        }
    }

    private static Map<Cidr, String> refusedRanges() {
        Map<Cidr, String> ranges = new LinkedHashMap<>();
        ranges.put(Cidr.parse("0.0.0.0/8"), "an unspecified address");
        ranges.put(Cidr.parse("127.0.0.0/8"), "a loopback address");
        ranges.put(Cidr.parse("10.0.0.0/8"), "a private address (RFC 1918)");
        ranges.put(Cidr.parse("172.16.0.0/12"), "a private address (RFC 1918)");
        ranges.put(Cidr.parse("192.168.0.0/16"), "a private address (RFC 1918)");
        ranges.put(Cidr.parse("100.64.0.0/10"), "a carrier-grade NAT address (RFC 6598)");
        ranges.put(Cidr.parse("169.254.0.0/16"), "a link-local address (cloud metadata lives there)");
        ranges.put(Cidr.parse("224.0.0.0/4"), "a multicast address");
        ranges.put(Cidr.parse("240.0.0.0/4"), "a reserved or broadcast address");
        ranges.put(Cidr.parse("::/128"), "an unspecified address");
        ranges.put(Cidr.parse("::1/128"), "a loopback address");
        ranges.put(Cidr.parse("fc00::/7"), "a unique local (private) address");
        ranges.put(Cidr.parse("fe80::/10"), "a link-local address");
        ranges.put(Cidr.parse("ff00::/8"), "a multicast address");
        // IPv6 forms that embed an IPv4 address, which would otherwise carry a refused one past the check.
        ranges.put(Cidr.parse("::/96"), "an IPv4-compatible IPv6 address");
        ranges.put(Cidr.parse("64:ff9b::/96"), "a NAT64 address embedding an IPv4 address");
        ranges.put(Cidr.parse("2002::/16"), "a 6to4 address embedding an IPv4 address");
        return Collections.unmodifiableMap(ranges);
    }
}
