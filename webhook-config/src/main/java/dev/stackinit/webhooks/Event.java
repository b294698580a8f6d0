package dev.stackinit.webhooks;

import java.util.Locale;

/** A row event a webhook fires on; declaration order is the order triggers list them in. */
public enum Event {
    INSERT,
    UPDATE,
    DELETE;

    /** Case-insensitive; {@code null} when the text names no event. */
    public static Event parse(String text) {
        for (Event event : values()) {
            if (event.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return event;
            }
        }
        return null;
    }
}
