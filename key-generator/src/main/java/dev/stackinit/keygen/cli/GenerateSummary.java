package dev.stackinit.keygen.cli;

import dev.stackinit.keygen.io.EnvUpdater;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code generate --env-file} did, by variable name only: values never appear here. */
final class GenerateSummary {
    private GenerateSummary() {}

    static String render(EnvUpdater.Result result, String format, boolean dryRun) {
        if (format.equals("json")) {
            List<Map<String, Object>> files = result.files().stream()
                    .map(f -> {
                        Map<String, Object> file = new LinkedHashMap<>();
                        file.put("file", f.display());
                        file.put("created", f.created());
                        file.put("set", f.set());
                        return file;
                    })
                    .toList();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("files", files);
            summary.put("written", result.written());
            summary.put("dryRun", dryRun);
            return SecretsOutput.json(summary);
        }
        StringBuilder text = new StringBuilder();
        for (EnvUpdater.FileResult file : result.files()) {
            text.append(file.display()).append(": ");
            if (file.set().isEmpty()) {
                text.append("up to date\n");
            } else {
                text.append(dryRun ? "would set " : file.created() ? "created, set " : "set ")
                        .append(String.join(", ", file.set()))
                        .append('\n');
            }
        }
        long changedFiles =
                result.files().stream().filter(f -> !f.set().isEmpty()).count();
        if (changedFiles == 0) {
            text.append("0 changes: everything is up to date\n");
        } else {
            text.append(
                    dryRun
                            ? "dry run: " + changedFiles + " file(s) would change, nothing written\n"
                            : changedFiles + " file(s) written\n");
        }
        return text.toString();
    }
}
