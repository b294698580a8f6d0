package dev.stackinit.migrator.diff;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.MigrationFile;
import dev.stackinit.migrator.MigrationScanner;
import dev.stackinit.migrator.Phase;
import dev.stackinit.migrator.pull.Catalog;
import dev.stackinit.migrator.pull.CatalogObjects;
import dev.stackinit.migrator.pull.ChangeScript;
import dev.stackinit.migrator.pull.SchemaDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * diff: migrates the folder onto a scratch database and compares it with the live one, object by object, with pull's
 * catalog reader on both sides. With a name, writes the differences as new migration files, checks that a database
 * built from the folder now equals the live one (or removes them again), and records them as applied in the live
 * database's history: the live database already has those changes.
 */
public final class DiffService {
    private final DiffDatabases databases;
    private final Consumer<String> progress;
    // the live catalog and schemas of the last comparison: --write renders from them
    private Catalog lastLive;
    private Catalog lastShadow;
    private List<String> lastSchemas = List.of();

    public DiffService(DiffDatabases databases, Consumer<String> progress) {
        this.databases = databases;
        this.progress = progress;
    }

    /**
     * @param schemas the schemas to compare; empty: every app schema either database has
     * @param writeName the name of the files to write, or empty to only compare
     */
    public DiffReport diff(Path folder, List<String> schemas, Optional<String> writeName) {
        writeName.ifPresent(DriftWriter::checkName);
        List<SchemaDiff.Difference> differences = compare(schemas);
        List<String> compared = compared(schemas);
        if (differences.isEmpty() || writeName.isEmpty()) {
            return report(folder, compared, differences, List.of());
        }
        ChangeScript.Result script = ChangeScript.of(differences, lastLive, lastPhase(folder, differences));
        if (!script.inexpressible().isEmpty()) {
            throw new InvalidInputException("nothing written: "
                    + script.inexpressible().size() + " change(s) cannot be written as migration files: "
                    + String.join("; ", script.inexpressible()));
        }
        List<Path> written = DriftWriter.write(folder, writeName.get(), script.files());
        progress.accept("wrote " + written.size() + " file(s); checking that the folder now builds the live schema");
        List<SchemaDiff.Difference> left;
        try {
            left = compare(schemas);
        } catch (RuntimeException e) {
            DriftWriter.remove(folder, written);
            throw new InvalidInputException(
                    "the written files do not apply, so they were removed again: " + e.getMessage(), e);
        }
        if (!left.isEmpty()) {
            DriftWriter.remove(folder, written);
            throw new InvalidInputException("the written files do not reproduce the live database, so they were"
                    + " removed again; still different: "
                    + SchemaDiff.report(left).stream()
                            .map(SchemaDiff.Difference::line)
                            .collect(Collectors.joining("; ")));
        }
        databases.recordApplied(written);
        return report(
                folder,
                compared,
                differences,
                written.stream().map(Path::toString).toList());
    }

    private List<SchemaDiff.Difference> compare(List<String> requested) {
        progress.accept("migrating the folder onto " + databases.shadowDisplay());
        databases.rebuildShadow();
        List<String> live = databases.liveSchemas();
        List<String> shadow = databases.shadowSchemas();
        TreeSet<String> all = new TreeSet<>(live);
        all.addAll(shadow);
        List<String> schemas = requested.isEmpty() ? List.copyOf(all) : requested;
        lastSchemas = schemas;
        lastLive = databases.readLive(schemas.stream().filter(live::contains).toList());
        lastShadow =
                databases.readShadow(schemas.stream().filter(shadow::contains).toList());
        return SchemaDiff.compare(CatalogObjects.of(lastShadow), CatalogObjects.of(lastLive));
    }

    private List<String> compared(List<String> requested) {
        return requested.isEmpty() ? lastSchemas : requested;
    }

    private DiffReport report(
            Path folder, List<String> schemas, List<SchemaDiff.Difference> differences, List<String> written) {
        return new DiffReport(
                databases.liveDisplay(),
                databases.shadowDisplay(),
                folder.toString(),
                schemas,
                SchemaDiff.report(differences),
                written,
                notCompared());
    }

    /** What neither side's catalog could hold, live first, each object once. */
    private List<String> notCompared() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.addAll(lastLive.findings().notReproduced());
        names.addAll(lastShadow.findings().notReproduced());
        return List.copyOf(names);
    }

    /**
     * Where removals go: the last of tables…webhooks that has files (or gets some now), so everything created earlier
     * in a fresh migrate exists when it is dropped.
     */
    private static Phase lastPhase(Path folder, List<SchemaDiff.Difference> differences) {
        List<Phase> phases = new ArrayList<>(List.of(Phase.TABLES));
        for (MigrationFile file : new MigrationScanner().scan(folder).files()) {
            phases.add(file.phase());
        }
        differences.stream()
                .filter(d -> d.live() != null)
                .forEach(d -> phases.add(d.live().phase()));
        return phases.stream()
                .filter(p -> p.compareTo(Phase.TABLES) >= 0 && p.compareTo(Phase.WEBHOOKS) <= 0)
                .max(Phase::compareTo)
                .orElse(Phase.TABLES);
    }
}
