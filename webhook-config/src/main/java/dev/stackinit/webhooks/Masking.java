package dev.stackinit.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.shared.SecretMasker;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for what output meant for people hides, the same for a webhook's URL, its query parameters (params) and
 * its headers, in every command and every format: the password of a URL, and the value of anything named like a secret
 * (token, apikey, api_key, access_token, secret, password, key, authorization, cookie, signature …), whether it sits in
 * the URL's query or fragment, in params or in headers. Names are compared without case, dashes or underscores, so
 * {@code X-Api-Key}, {@code api_key} and {@code APIKEY} are one name.
 */
public final class Masking {
    public static final String MASK = SecretMasker.MASK;

    /** Parts of a normalised name that make it secret wherever they appear in it. */
    private static final List<String> SECRET_PARTS = List.of(
            "token",
            "secret",
            "passw",
            "pwd",
            "authorization",
            "apikey",
            "key",
            "cookie",
            "credential",
            "signature",
            "session",
            "bearer",
            "jwt");

    /** Short names that are secrets only on their own ({@code sig}, not {@code design}). */
    private static final Set<String> SECRET_NAMES = Set.of("sig", "auth", "pass", "code", "hmac", "sas", "private");

    private Masking() {}

    public static boolean isSecretName(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_NAMES.contains(normalised) || SECRET_PARTS.stream().anyMatch(normalised::contains);
    }

    /** The URL with its password and the values of secret-named query (and fragment) parameters replaced by ****. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = SecretMasker.urisOnly().mask(url);
        int query = masked.indexOf('?');
        int fragment = masked.indexOf('#');
        if (query < 0 && fragment < 0) {
            return masked;
        }
        StringBuilder out = new StringBuilder();
        int start = query >= 0 && (fragment < 0 || query < fragment) ? query : fragment;
        out.append(masked, 0, start);
        // the query, then the fragment (OAuth puts access_token there), each a list of name=value pairs
        int cut = fragment > start ? fragment : masked.length();
        out.append(masked.charAt(start)).append(pairs(masked.substring(start + 1, cut)));
        if (cut < masked.length()) {
            out.append('#').append(pairs(masked.substring(cut + 1)));
        }
        return out.toString();
    }

    private static String pairs(String text) {
        List<String> parts = new ArrayList<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            parts.add(eq >= 0 && isSecretName(decode(name)) ? name + "=" + MASK : pair);
        }
        return String.join("&", parts);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** A copy of headers or params with the values of secret-named entries replaced by ****. */
    public static ObjectNode object(ObjectNode entries) {
        ObjectNode copy = entries.deepCopy();
        entries.fieldNames().forEachRemaining(name -> {
            if (isSecretName(name)) {
                copy.put(name, MASK);
            }
        });
        return copy;
    }

    /** A JSON object argument as text, masked; text that is not a JSON object is hidden whole. */
    public static String objectText(String json) {
        if (json == null) {
            return null;
        }
        return Json.parseObject(json).map(node -> Json.compact(object(node))).orElse(MASK);
    }
}
