package dev.stackinit.webhooks;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * Replaces a URL prefix, e.g. production's {@code https://api.example.com} with {@code http://stackend:8000} for local
 * use. Parsed from {@code 'FROM=>TO'}.
 */
public record UrlRewrite(String from, String to) {
    private static final String ARROW = "=>";

    public UrlRewrite {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isEmpty()) {
            throw new InvalidInputException("URL rewrite needs a prefix to replace: '" + from + ARROW + to + "'");
        }
    }

    /** {@code 'https://api.example.com=>http://stackend:8000'}; InvalidInputException when there is no {@code =>}. */
    public static UrlRewrite parse(String text) {
        int arrow = text.indexOf(ARROW);
        if (arrow < 0) {
            throw new InvalidInputException("URL rewrite must look like 'FROM=>TO', got '" + text + "'");
        }
        return new UrlRewrite(
                text.substring(0, arrow).trim(),
                text.substring(arrow + ARROW.length()).trim());
    }

    public boolean matches(String url) {
        return url.startsWith(from);
    }

    public String apply(String url) {
        return matches(url) ? to + url.substring(from.length()) : url;
    }

    /** The first rewrite whose prefix matches wins; later ones never see its result. */
    public static String applyFirst(List<UrlRewrite> rewrites, String url) {
        for (UrlRewrite rewrite : rewrites) {
            if (rewrite.matches(url)) {
                return rewrite.apply(url);
            }
        }
        return url;
    }

    public static WebhookSpec applyFirst(List<UrlRewrite> rewrites, WebhookSpec spec) {
        return spec.withUrl(applyFirst(rewrites, spec.url()));
    }

    @Override
    public String toString() {
        return UrlSafety.masked(from) + ARROW + UrlSafety.masked(to);
    }
}
