package dev.stackinit.bench.startup;

import dev.stackinit.bench.Row;
import dev.stackinit.bench.Samples;
import dev.stackinit.bench.Spawn;
import dev.stackinit.bench.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Row 4: {@code <tool> --version} as a fresh process, with the launcher and plain {@code java -jar}, each run interleaved
 * with {@code java -Xshare:auto -version}, the floor of any JVM program. The launcher is judged.
 */
public final class VersionBenchmark {
    private static final double GOAL_RATIO = 1.5;

    private VersionBenchmark() {}

    public static List<Row> measure(List<Tool> tools, Path work, int runs) throws Exception {
        List<String> floor = List.of(Tool.java().toString(), "-Xshare:auto", "-version");
        List<Row> rows = new ArrayList<>();
        for (Tool tool : tools) {
            Samples java = new Samples("java -Xshare:auto -version");
            Samples launch = new Samples(tool.name() + " --version, launcher");
            Samples plain = new Samples(tool.name() + " --version, java -jar");
            for (int run = 0; run < runs; run++) {
                java.addNanos(Spawn.timed(floor, Map.of(), work, "version"));
                launch.addNanos(Spawn.timed(tool.launch("--version"), Map.of(), work, tool.name()));
                plain.addNanos(Spawn.timed(tool.plain("--version"), Map.of(), work, tool.name()));
            }
            rows.add(row(launch, java, true));
            rows.add(row(plain, java, false));
        }
        return rows;
    }

    private static Row row(Samples subject, Samples java, boolean judged) {
        Samples ratio = subject.over(java, "ratio");
        return new Row(
                "4",
                subject.name(),
                subject.format(3, " s"),
                "java -Xshare:auto -version " + java.format(3, " s"),
                ratio.format(1, "×"),
                judged ? "≤ 1.5×" : "(context)",
                judged ? ratio.median() <= GOAL_RATIO : null);
    }
}
