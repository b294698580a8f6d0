package dev.stackinit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compose's variable interpolation as far as our files use it: {@code $$} escapes a dollar, {@code ${NAME}},
 * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:+alternative}}, {@code ${NAME:?message}},
 * {@code ${NAME?message}}, bare {@code $NAME}, and expressions nested in a default ({@code ${A:-${B}}}). A brace in a
 * default that is not part of a nested expression (a JSON default such as {@code {"keys":[]}}) is refused: Docker
 * Compose before 2.25 closes the expression at its first {@code }} and appends the rest to a set value.
 */
final class Interpolation {
    private Interpolation() {}

    /** Every variable a text refers to, in order of first use, nested ones included. */
    static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        new Parser(text, Map.of(), names).text(text.length());
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
        return new Parser(text, env, new LinkedHashSet<>()).text(text.length());
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

    /** A recursive-descent reader over one string value. */
    private static final class Parser {
        private final String text;
        private final Map<String, String> env;
        private final Set<String> names;
        private int at;

        Parser(String text, Map<String, String> env, Set<String> names) {
            this.text = text;
            this.env = env;
            this.names = names;
        }

        /** Text up to {@code end} (or up to the closing brace of the expression being read, when end is -1). */
        String text(int end) {
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (end < 0 && c == '}') {
                    return out.toString();
                }
                if (end < 0 && c == '{') {
                    throw unsupported("a brace inside a default");
                }
                if (c != '$') {
                    out.append(c);
                    at++;
                    continue;
                }
                if (at + 1 < text.length() && text.charAt(at + 1) == '$') {
                    out.append('$');
                    at += 2;
                } else if (at + 1 < text.length() && text.charAt(at + 1) == '{') {
                    at += 2;
                    out.append(braced());
                } else {
                    int start = ++at;
                    while (at < text.length() && isNameChar(text.charAt(at), at == start)) {
                        at++;
                    }
                    if (at == start) {
                        throw unsupported("a lone dollar sign");
                    }
                    out.append(value(text.substring(start, at)));
                }
            }
            if (end < 0) {
                throw unsupported("an expression that is not closed");
            }
            return out.toString();
        }

        private String braced() {
            int start = at;
            while (at < text.length() && isNameChar(text.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw unsupported("an expression without a name");
            }
            String name = text.substring(start, at);
            names.add(name);
            String value = env.get(name);
            if (at < text.length() && text.charAt(at) == '}') {
                at++;
                return value == null ? "" : value;
            }
            boolean colon = at < text.length() && text.charAt(at) == ':';
            if (colon) {
                at++;
            }
            char operator = at < text.length() ? text.charAt(at) : ' ';
            if ("-+?".indexOf(operator) < 0) {
                throw unsupported("an operator other than -, + or ?");
            }
            at++;
            String word = text(-1);
            at++; // the closing brace
            boolean unsetOrEmpty = value == null || (colon && value.isEmpty());
            return switch (operator) {
                case '-' -> unsetOrEmpty ? word : value;
                case '+' -> unsetOrEmpty ? "" : word;
                default -> value == null ? "" : value;
            };
        }

        private String value(String name) {
            names.add(name);
            String value = env.get(name);
            return value == null ? "" : value;
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_' || Character.isLetter(c) && c < 128 || !first && Character.isDigit(c);
        }

        private IllegalArgumentException unsupported(String what) {
            return new IllegalArgumentException("unsupported interpolation (" + what + ") in: " + text);
        }
    }
}
