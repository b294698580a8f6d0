package dev.stackinit.webhooks;

import dev.stackinit.errors.InvalidInputException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in declaration values, from an injected environment. {@code $$} stands for
 * a literal {@code $} (export writes it so that exported values load back unchanged). A variable that is set but empty
 * takes the default, as in the shell; one that is unset and has no default is an error.
 */
public final class Substitution {
    private static final Pattern TOKEN = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{");

    private final Map<String, String> env;

    public Substitution(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @param where names the value in error messages, e.g. {@code webhooks.yml: webhook 2 url} */
    public String apply(String text, String where) {
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement(matcher, text, where)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String replacement(Matcher matcher, String text, String where) {
        String token = matcher.group();
        if (token.equals("$$")) {
            return "$";
        }
        String name = matcher.group(1);
        if (name == null) {
            throw new InvalidInputException(where + ": malformed variable reference in '" + Masking.url(text)
                    + "' (use ${NAME} or ${NAME:-default}, and $$ for a literal $)");
        }
        String value = env.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        String fallback = matcher.group(2);
        if (fallback != null) {
            return fallback;
        }
        if (value != null) {
            return value;
        }
        throw new InvalidInputException(where + ": variable " + name + " is not set and has no default");
    }

    /** The text with every {@code $} doubled, so {@link #apply} gives it back unchanged. */
    public static String escape(String text) {
        return text.replace("$", "$$");
    }
}
