package io.liaison.channel.send;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard: a channel may not reach the server's own machine or network (loopback, private,
 * link-local, unique-local, any-local or multicast addresses, whatever name leads there) unless the
 * host or its address is allowed ({@code LIAISON_OUTBOUND_ALLOWED_HOSTS}: host names, addresses or
 * CIDR ranges). The name is resolved and checked before each send and before each redirect is
 * followed; the HTTP client resolves it again,
 * so a name whose DNS answer changes within that moment is not caught (use an egress proxy or
 * firewall where that matters).
 */
public final class HostGuard {

    private final List<String> names = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();
    private final Function<String, InetAddress[]> resolver;

    public HostGuard(List<String> allowed) {
        this(allowed, HostGuard::resolve);
    }

    /** With another resolver than the system's (a test's names); it answers no address for an unknown name. */
    HostGuard(List<String> allowed, Function<String, InetAddress[]> resolver) {
        this.resolver = resolver;
        for (String entry : allowed) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            Range range = Range.parse(value);
            if (range == null) {
                names.add(value);
            } else {
                ranges.add(range);
            }
        }
    }

    /** Whether {@code uri} may be posted to: http or https, a host, and no forbidden address. */
    public boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (names.contains(name)) {
            return true;
        }
        // no address: the send itself finds no host and is retried; nothing is reached
        InetAddress[] addresses = resolver.apply(name);
        for (InetAddress address : addresses) {
            if (internal(address) && ranges.stream().noneMatch(range -> range.contains(address))) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress[] resolve(String name) {
        try {
            return InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedCgnat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal
                || sharedCgnat;
    }

    /** An address or a CIDR range of addresses. */
    private record Range(byte[] network, int prefix) {

        static @Nullable Range parse(String value) {
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            if (!address.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
                return null;
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("LIAISON_OUTBOUND_ALLOWED_HOSTS: bad range " + value);
                }
                return new Range(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("LIAISON_OUTBOUND_ALLOWED_HOSTS: bad entry " + value, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
