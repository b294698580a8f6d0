package dev.stackinit.migrator.pull;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a pull found and wrote; {@code files} counts files per phase folder. */
public record PullReport(
        String source,
        String out,
        List<String> schemas,
        Map<String, Integer> files,
        int webhooks,
        List<String> written,
        List<String> unchanged,
        List<String> removed,
        List<String> warnings) {

    public boolean upToDate() {
        return written.isEmpty() && removed.isEmpty();
    }

    /** Two lines for people: what was pulled, and what changed on disk. */
    public List<String> summary() {
        String counts = files.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String changes = upToDate()
                ? "up to date (0 changes, " + unchanged.size() + " files unchanged)"
                : written.size() + " written, " + unchanged.size() + " unchanged, " + removed.size() + " removed";
        return List.of(
                "pulled " + String.join(", ", schemas) + " from " + source + " into " + out + ": files: " + counts
                        + "; " + webhooks + " webhook(s)",
                changes);
    }
}
