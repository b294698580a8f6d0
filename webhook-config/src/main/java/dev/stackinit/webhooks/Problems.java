package dev.stackinit.webhooks;

import dev.stackinit.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input so one run reports them all, then fails on one line. */
final class Problems {
    private final String source;
    private final List<String> messages = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(String message) {
        messages.add(message);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    void throwIfAny() {
        if (messages.isEmpty()) {
            return;
        }
        String prefix = source.isEmpty() ? "" : source + ": ";
        throw new InvalidInputException(
                messages.size() == 1
                        ? prefix + messages.get(0)
                        : prefix + messages.size() + " problems: " + String.join("; ", messages));
    }
}
