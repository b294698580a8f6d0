package dev.stackinit.seeder.cli;

import dev.stackinit.errors.UsageException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --seed-dir}: the folder of seed files (ours or mongodump's), for import, export and init. */
final class SeedDirOption {
    @Option(
            names = "--seed-dir",
            paramLabel = "DIR",
            description = "Folder of seed files: export writes it, import and init read it.")
    Path seedDir;

    Optional<Path> given() {
        return Optional.ofNullable(seedDir);
    }

    Path required() {
        return given().orElseThrow(() -> new UsageException("give --seed-dir or set MONGO_SEEDER_SEED_DIR"));
    }
}
