package dev.stackinit.webhooks;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What we can tell about a webhook URL without calling it. */
public final class UrlSafety {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private UrlSafety() {}

    /** The URL with its password and secret-named query values replaced by **** (see {@link Masking}). */
    public static String masked(String url) {
        return Masking.url(url);
    }

    /** Why the URL is unusable for pg_net, or empty when it is a plain http(s) URL with a host. */
    public static Optional<String> problem(String url) {
        if (url.isBlank()) {
            return Optional.of("url is empty");
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c))) {
            return Optional.of("url contains whitespace or control characters");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.of("url must start with http:// or https://");
        }
        return host(url).isEmpty() ? Optional.of("url has no host") : Optional.empty();
    }

    /** True when the host is this machine: inside the database container that is the database itself. */
    public static boolean isLoopback(String url) {
        return host(url)
                .map(host -> LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127."))
                .orElse(false);
    }

    /** The host part, read by hand: java.net.URI refuses characters pg_net sends as they are (quotes, backslashes). */
    static Optional<String> host(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        String rest = url.substring(scheme + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostPort.startsWith("[")
                ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.replaceFirst(":[^:]*$", "");
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }
}
