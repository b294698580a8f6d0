package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotenv file kept line by line, so that changing values leaves every other byte as it was: comments, blank lines,
 * order, quoting, inline comments, {@code export} prefixes and line endings. Immutable.
 */
public final class EnvFile {
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\\s*=[ \\t]*)(.*)$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final String ADDED_HEADER = "# added by key-generator";

    /** One line: its text without the line ending, and the ending ("\n", "\r\n" or "" for a last line without). */
    private record Line(String text, String eol, Entry entry) {}

    /** An assignment split so that only the value changes: prefix NAME sep [quote]value[quote] suffix. */
    private record Entry(String prefix, String name, String separator, char quote, String value, String suffix) {
        String render(String newValue) {
            char style = quote;
            if (style == '\'' && newValue.contains("'")) {
                style = '"';
            }
            // unquoted values may hold JSON's inner quotes; only spaces, # or a leading quote need quoting
            if (style == 0 && newValue.matches("(?s).*\\s.*|[\"'].*|.*#.*")) {
                style = '"';
            }
            String body = style == '"' ? newValue.replace("\\", "\\\\").replace("\"", "\\\"") : newValue;
            String quoteText = style == 0 ? "" : String.valueOf(style);
            return prefix + name + separator + quoteText + body + quoteText + suffix;
        }
    }

    private final String name;
    private final List<Line> lines;

    private EnvFile(String name, List<Line> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    public static EnvFile empty(String name) {
        return new EnvFile(name, List.of());
    }

    /**
     * @param name how messages refer to the file
     * @throws InvalidInputException naming the line number of a line that is neither blank, comment nor assignment
     */
    public static EnvFile parse(String name, String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < text.length()) {
            number++;
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String eol = newline < 0 ? "" : "\n";
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
                eol = "\r" + eol;
            }
            String content = text.substring(start, end);
            lines.add(new Line(content, eol, entry(name, number, content)));
            start = newline < 0 ? text.length() : newline + 1;
        }
        return new EnvFile(name, lines);
    }

    public String name() {
        return name;
    }

    /** Every variable and its (unquoted) value, in file order; a repeated name keeps its last value, as compose does. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.entry() != null) {
                values.remove(line.entry().name());
                values.put(line.entry().name(), line.entry().value());
            }
        }
        return values;
    }

    /**
     * One warning per variable set more than once with different values: compose and most dotenv readers take the
     * last, so an earlier line that looks right is silently ignored.
     */
    public List<String> duplicates() {
        Map<String, List<Integer>> lineNumbers = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> distinct = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = lines.get(i).entry();
            if (entry != null) {
                lineNumbers
                        .computeIfAbsent(entry.name(), n -> new ArrayList<>())
                        .add(i + 1);
                distinct.computeIfAbsent(entry.name(), n -> new java.util.HashSet<>())
                        .add(entry.value());
            }
        }
        List<String> warnings = new ArrayList<>();
        distinct.forEach((variable, values) -> {
            if (values.size() > 1) {
                List<Integer> at = lineNumbers.get(variable);
                warnings.add(name + ": " + variable + " is set " + at.size() + " times with different values (lines "
                        + String.join(", ", at.stream().map(String::valueOf).toList())
                        + "); the last one counts, as in docker compose: remove the others");
            }
        });
        return warnings;
    }

    public boolean has(String variable) {
        return lines.stream()
                .anyMatch(l -> l.entry() != null && l.entry().name().equals(variable));
    }

    /**
     * The file with these values: existing assignments are rewritten in place (all of them, if a name repeats);
     * names the file lacks are appended at the end under one comment line.
     */
    public EnvFile with(Map<String, String> updates) {
        List<Line> result = new ArrayList<>();
        for (Line line : lines) {
            Entry entry = line.entry();
            if (entry != null
                    && updates.containsKey(entry.name())
                    && !updates.get(entry.name()).equals(entry.value())) {
                String value = updates.get(entry.name());
                Entry updated = new Entry(
                        entry.prefix(), entry.name(), entry.separator(), entry.quote(), value, entry.suffix());
                result.add(new Line(entry.render(value), line.eol(), updated));
            } else {
                result.add(line);
            }
        }
        List<String> missing = updates.keySet().stream().filter(n -> !has(n)).toList();
        if (!missing.isEmpty()) {
            append(result, missing, updates);
        }
        return new EnvFile(name, result);
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append(line.eol());
        }
        return text.toString();
    }

    private void append(List<Line> result, List<String> missing, Map<String, String> updates) {
        String eol = lines.stream()
                .map(Line::eol)
                .filter(e -> !e.isEmpty())
                .findFirst()
                .orElse("\n");
        if (!result.isEmpty()) {
            Line last = result.remove(result.size() - 1);
            result.add(new Line(last.text(), last.eol().isEmpty() ? eol : last.eol(), last.entry()));
            if (!last.text().isBlank()) {
                result.add(new Line("", eol, null));
            }
        }
        result.add(new Line(ADDED_HEADER, eol, null));
        for (String variable : missing) {
            if (!NAME.matcher(variable).matches()) {
                throw new IllegalArgumentException("not a variable name: " + variable);
            }
            Entry entry = new Entry("", variable, "=", (char) 0, "", "");
            String value = updates.get(variable);
            result.add(new Line(entry.render(value), eol, new Entry("", variable, "=", (char) 0, value, "")));
        }
    }

    private static Entry entry(String file, int number, String content) {
        String trimmed = content.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        Matcher m = ASSIGNMENT.matcher(content);
        if (!m.matches()) {
            throw new InvalidInputException(file + ":" + number + ": not a VARIABLE=value line");
        }
        String rest = m.group(4);
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            return quoted(file, number, m, rest);
        }
        Matcher comment = Pattern.compile("\\s+#").matcher(rest);
        int cut = comment.find() ? comment.start() : rest.length();
        String value = rest.substring(0, cut).stripTrailing();
        return new Entry(m.group(1), m.group(2), m.group(3), (char) 0, value, rest.substring(value.length()));
    }

    private static Entry quoted(String file, int number, Matcher m, String rest) {
        char quote = rest.charAt(0);
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == quote) {
                return new Entry(m.group(1), m.group(2), m.group(3), quote, value.toString(), rest.substring(i + 1));
            }
            if (quote == '"' && c == '\\' && i + 1 < rest.length()) {
                char next = rest.charAt(++i);
                value.append(next == 'n' ? '\n' : next);
            } else {
                value.append(c);
            }
        }
        throw new InvalidInputException(file + ":" + number + ": " + m.group(2)
                + " has an unterminated quote (multi-line values are not supported)");
    }
}
