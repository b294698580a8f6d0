package dev.stackinit.migrator.diff;

import dev.stackinit.migrator.pull.SchemaDiff;
import java.util.List;

/**
 * What diff found: one difference per object (a table that came or went as a whole is one line), and with --write
 * the files it wrote and recorded as applied.
 *
 * @param notCompared objects of either database the catalog reader cannot represent (the same ones pull names as not
 *     reproduced): "no differences" does not cover them, so they are named and make the exit 3 unless --allow-partial
 */
public record DiffReport(
        String live,
        String shadow,
        String migrationsDir,
        List<String> schemas,
        List<SchemaDiff.Difference> differences,
        List<String> written,
        List<String> notCompared) {

    public DiffReport {
        notCompared = List.copyOf(notCompared);
    }

    public boolean equal() {
        return differences.isEmpty();
    }

    public List<String> lines() {
        return differences.stream().map(SchemaDiff.Difference::line).toList();
    }
}
