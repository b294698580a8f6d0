package dev.stackinit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation as far as our files use it: {@code $$} escapes a dollar, {@code ${NAME}},
 * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}}, {@code ${NAME?message}} and bare
 * {@code $NAME}. Nested expressions inside a default are not supported; {@link #variables} fails on them so nobody adds
 * one unnoticed.
 */
final class Interpolation {
    private static final Pattern EXPRESSION =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}$]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Interpolation() {}

    /** Every variable a text refers to, in order of first use. */
    static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
            } else if (m.group(4) != null) {
                names.add(m.group(4));
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("$") >= 0) {
            throw new IllegalArgumentException("unsupported interpolation in: " + text);
        }
        return names;
    }

    /** Every variable used anywhere in a tree's string values (keys are not interpolated by compose). */
    static Set<String> variables(JsonNode tree) {
        Set<String> names = new LinkedHashSet<>();
        collect(tree, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            names.addAll(variables(node.asText()));
        }
        node.forEach(child -> collect(child, names));
    }

    /** The text with every expression replaced from {@code env}; unset variables become "" as compose does. */
    static String apply(String text, Map<String, String> env) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m, env)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replacement(Matcher m, Map<String, String> env) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String value = env.get(name);
        String operator = m.group(2);
        if (operator == null || operator.endsWith("?")) {
            return value == null ? "" : value;
        }
        boolean unsetOrEmpty = value == null || (operator.startsWith(":") && value.isEmpty());
        return switch (operator.substring(operator.length() - 1)) {
            case "-" -> unsetOrEmpty ? m.group(3) : value;
            case "+" -> unsetOrEmpty ? "" : m.group(3);
            default -> throw new IllegalStateException(operator);
        };
    }

    /** A deep copy of the tree with every string value interpolated. */
    static JsonNode apply(JsonNode node, Map<String, String> env) {
        if (node.isTextual()) {
            return TextNode.valueOf(apply(node.asText(), env));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), apply(field.getValue(), env));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(apply(element, env)));
            return copy;
        }
        return node;
    }
}
