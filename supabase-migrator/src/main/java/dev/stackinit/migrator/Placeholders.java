package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} substitution. Values come from {@code --placeholder name=value} first, then from the environment;
 * {@code ${name:-default}} supplies a default; {@code $${name}} stays as the literal text {@code ${name}}. An undefined
 * name without a default is an error naming the file and line.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(\\$?)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}\\r\\n]*))?}");

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Explicit placeholders win over environment variables of the same name. */
    public static Placeholders of(Map<String, String> env, Map<String, String> explicit) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(explicit);
        return new Placeholders(merged);
    }

    public static Placeholders none() {
        return new Placeholders(Map.of());
    }

    /** The values as a map (for tools that substitute themselves, e.g. webhook-config). */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Replaces every placeholder in {@code text}.
     *
     * @param source the file, for the error message
     */
    public String apply(String text, String source) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1);
            } else if (m.group(3) != null && values.getOrDefault(m.group(2), "").isEmpty()) {
                replacement = m.group(3); // set-but-empty takes the default, as in the shell and webhook-config
            } else if (values.containsKey(m.group(2))) {
                replacement = values.get(m.group(2));
            } else {
                throw new InvalidInputException(source + ":" + lineOf(text, m.start()) + ": placeholder ${" + m.group(2)
                        + "} is not defined: set the environment variable " + m.group(2) + " or pass --placeholder "
                        + m.group(2) + "=<value> (or write ${" + m.group(2) + ":-default})");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
