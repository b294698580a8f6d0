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
 *
 * <p>{@code ${name}} puts the value in as raw text, before the SQL is parsed (as Flyway does): a value can change the
 * statement, so {@code ${name}} is for trusted values (a schema name, a number). {@code ${literal:name}} puts the value in
 * as one SQL string literal instead: quotes doubled, and as an {@code E'…'} literal with doubled backslashes when it has
 * any, so it means the same whatever {@code standard_conforming_strings} says. Whatever the value holds, it stays one
 * string.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(\\$?)\\$\\{(literal:)?([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}\\r\\n]*))?}");

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
            String name = m.group(3);
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1);
            } else if (m.group(4) != null && values.getOrDefault(name, "").isEmpty()) {
                replacement = m.group(4); // set-but-empty takes the default, as in the shell and webhook-config
            } else if (values.containsKey(name)) {
                replacement = values.get(name);
            } else {
                throw new InvalidInputException(source + ":" + lineOf(text, m.start()) + ": placeholder ${" + name
                        + "} is not defined: set the environment variable " + name + " or pass --placeholder " + name
                        + "=<value> (or write ${" + name + ":-default})");
            }
            if (m.group(1).isEmpty() && m.group(2) != null) {
                replacement =
                        literal(replacement, source + ":" + lineOf(text, m.start()) + ": ${literal:" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value as one SQL string literal: {@code 'it''s'}, or an E-string with doubled backslashes when it has one. */
    static String literal(String value, String where) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(where + ": the value holds a NUL character, which no PostgreSQL text can");
        }
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') < 0) {
            return "'" + quoted + "'";
        }
        return "E'" + quoted.replace("\\", "\\\\") + "'";
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
