package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a pull found and wrote; {@code files} counts files per phase folder. {@code notReproduced}: what the files do
 * not recreate (pull exits 3 over it unless partial pulls are allowed); {@code leftToPlatform}: what every Supabase
 * database gets by itself.
 */
public record PullReport(
        String source,
        String out,
        List<String> schemas,
        Map<String, Integer> files,
        int webhooks,
        List<String> written,
        List<String> unchanged,
        List<String> removed,
        List<String> warnings,
        List<String> notReproduced,
        List<String> leftToPlatform) {

    public boolean upToDate() {
        return written.isEmpty() && removed.isEmpty();
    }

    public int notReproducedCount() {
        return notReproduced.size();
    }

    /** Lines for people: what was pulled, what changed on disk, and what the files do not carry. */
    public List<String> summary() {
        String counts = files.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String changes = upToDate()
                ? "up to date (0 changes, " + unchanged.size() + " files unchanged)"
                : written.size() + " written, " + unchanged.size() + " unchanged, " + removed.size() + " removed";
        List<String> lines = new ArrayList<>();
        lines.add("pulled " + String.join(", ", schemas) + " from " + source + " into " + out + ": files: " + counts
                + "; " + webhooks + " webhook(s)");
        lines.add(changes);
        lines.add(
                notReproduced.isEmpty()
                        ? "everything pulled is reproduced by the files (" + leftToPlatform.size()
                                + " object(s) left to the platform)"
                        : notReproduced.size() + " object(s) NOT reproduced by the files (see the warnings); "
                                + leftToPlatform.size() + " left to the platform");
        return lines;
    }
}
