package dev.stackinit.migrator;

import java.util.List;

/** What reset did: clean's lines, then the migrate run that followed. */
public record ResetReport(List<String> cleaned, MigrateReport migrated) {
    public ResetReport {
        cleaned = List.copyOf(cleaned);
    }
}
