package io.liaison.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one rule for an address Liaison posts to (a robot, a webhook): http or https, a host, a length. */
public final class WebAddresses {

    private WebAddresses() {}

    /** Whether {@code address} (already trimmed) is an http or https URL with a host, at most {@code max} long. */
    public static boolean isHttp(String address, int max) {
        if (address.length() > max) {
            return false;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
