package dev.stackinit.shared;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML (or JSON) error as one line, {@code file:line:column: problem}. SnakeYAML's and Jackson's own messages span
 * six to nine lines (the context, a copy of the line, a caret, the source description, Java class names); a tool's
 * error is one line. Needs Jackson's YAML module on the class path, which every tool that reads YAML has.
 */
public final class YamlErrors {
    private YamlErrors() {}

    /** @param source the file, as the message names it */
    public static String describe(String source, JsonProcessingException e) {
        return describe(source, e, null);
    }

    /**
     * @param text the parsed text, when at hand: an unknown key is then pointed at on its own line (Jackson reports
     *     where it stopped skipping the key's value, often the line after)
     */
    public static String describe(String source, JsonProcessingException e, String text) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                return snakeYaml(source, yaml);
            }
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return source + ": " + problem(e);
        }
        int line = location.getLineNr();
        int column = location.getColumnNr();
        if (e instanceof UnrecognizedPropertyException unknown && text != null) {
            int[] key = findKey(text, unknown.getPropertyName(), line);
            if (key != null) {
                line = key[0];
                column = key[1];
            }
        }
        return source + ":" + line + ":" + column + ": " + problem(e);
    }

    /** The last line at or before {@code before} that starts with {@code key:} (in a list item or not). */
    private static int[] findKey(String text, String key, int before) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                "^(\\s*(?:-\\s+)?)[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        java.util.List<String> lines = text.lines().toList();
        for (int i = Math.min(before, lines.size()) - 1; i >= 0; i--) {
            java.util.regex.Matcher m = pattern.matcher(lines.get(i));
            if (m.find()) {
                return new int[] {i + 1, m.group(1).length() + 1};
            }
        }
        return null;
    }

    private static String snakeYaml(String source, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getContext());
        String context = e.getContext() != null && e.getProblem() != null ? " (" + oneLine(e.getContext()) + ")" : "";
        return where + ": " + problem + context;
    }

    private static String problem(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : " (known: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")";
            return "unknown key '" + unknown.getPropertyName() + "'" + known;
        }
        if (e instanceof InvalidFormatException format) {
            return prefix(field) + "'" + format.getValue() + "' is not a valid " + typeName(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return prefix(field) + "expected " + typeName(mismatch.getTargetType());
        }
        return prefix(field) + oneLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String prefix(String field) {
        return field.isEmpty() ? "" : field + ": ";
    }

    private static String typeName(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "value (" + enumValues(type) + ")" : "text value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == boolean.class ? "true or false" : "number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "mapping";
        }
        return type.getSimpleName();
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "invalid YAML";
        }
        // drop SnakeYAML's " in 'reader', line …" tails and the copied line with its caret
        String first = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("in '") && !line.equals("^"))
                .findFirst()
                .orElse(text.strip());
        return first.replaceAll("\\s+", " ");
    }
}
