package dev.stackinit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The table: aligned text for the terminal, a Markdown copy for RESULTS.md. */
public final class Report {
    private static final List<String> HEADERS =
            List.of("#", "what", "median [min–max]", "baseline (same run)", "ratio", "goal", "met");
    private static final List<Function<Row, String>> CELLS =
            List.of(Row::section, Row::what, Row::value, Row::baseline, Row::ratio, Row::goal, Row::verdictText);

    private final List<Row> rows = new ArrayList<>();

    public void addAll(List<Row> more) {
        rows.addAll(more);
    }

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String text() {
        int[] widths = new int[HEADERS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS.get(c).length();
            for (Row row : rows) {
                widths[c] = Math.max(widths[c], CELLS.get(c).apply(row).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, HEADERS, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(out, rule, widths);
        String section = null;
        for (Row row : rows) {
            if (section != null && !section.equals(row.section())) {
                out.append('\n');
            }
            section = row.section();
            appendLine(out, CELLS.stream().map(cell -> cell.apply(row)).toList(), widths);
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
        out.append("|").append("---|".repeat(HEADERS.size())).append('\n');
        for (Row row : rows) {
            out.append("| ");
            out.append(String.join(
                    " | ",
                    CELLS.stream()
                            .map(cell -> cell.apply(row).replace("|", "\\|"))
                            .toList()));
            out.append(" |\n");
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format("%-" + widths[c] + "s", cells.get(c)));
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
