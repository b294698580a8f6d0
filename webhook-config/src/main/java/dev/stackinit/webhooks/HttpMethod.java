package dev.stackinit.webhooks;

import java.util.Locale;

/** The two methods {@code supabase_functions.http_request} supports. */
public enum HttpMethod {
    GET,
    POST;

    /** Case-insensitive; {@code null} when the text is neither GET nor POST. */
    public static HttpMethod parse(String text) {
        for (HttpMethod method : values()) {
            if (method.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return method;
            }
        }
        return null;
    }
}
