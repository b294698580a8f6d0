package dev.stackinit.migrator.diff;

import dev.stackinit.migrator.pull.SchemaDiff;
import java.util.List;

/**
 * What diff found: one difference per object (a table that came or went as a whole is one line), and with --write
 * the files it wrote and recorded as applied.
 */
public record DiffReport(
        String live,
        String shadow,
        String migrationsDir,
        List<String> schemas,
        List<SchemaDiff.Difference> differences,
        List<String> written) {

    public boolean equal() {
        return differences.isEmpty();
    }

    public List<String> lines() {
        return differences.stream().map(SchemaDiff.Difference::line).toList();
    }
}
