package dev.stackinit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private final Report report = new Report();

    ReportTest() {
        report.addAll(List.of(
                new Row(
                        "3",
                        "tool verify, launch command",
                        "0.300 s [0.2–0.4]",
                        "java -version 0.04 s",
                        "7.5×",
                        "≤ 1.0 s",
                        true),
                new Row("4", "tool --version", "0.120 s", "java -Xshare:auto -version 0.04 s", "3.0×", "≤ 2×", false),
                Row.info("5", "a | piped name", "12 MB")));
    }

    @Test
    void theTextTableAlignsColumnsAndSaysWhichGoalsAreMissed() {
        List<String> lines = report.text().lines().toList();

        assertThat(lines.get(0)).startsWith("#  what").contains("baseline (same run)", "goal", "met");
        assertThat(lines)
                .anySatisfy(l ->
                        assertThat(l).contains("tool verify, launch command").endsWith("yes"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).contains("tool --version").endsWith("NO"));
        // a blank line between sections
        assertThat(lines.stream().filter(String::isEmpty).count()).isEqualTo(2);
        int column = lines.get(0).indexOf("median");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("3 "))
                .allSatisfy(l -> assertThat(l.indexOf("0.300 s")).isEqualTo(column));
    }

    @Test
    void theMarkdownTableHasOneRowPerFigureAndEscapesPipes() {
        List<String> lines = report.markdown().lines().toList();

        assertThat(lines).hasSize(2 + 3);
        assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|---|---|");
        assertThat(lines.get(4)).contains("a \\| piped name").endsWith("|  |  |  |  |");
    }
}
