package dev.stackinit.migrator.cli;

import dev.stackinit.cli.options.SchemaOption;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The confirmation and scope of clean, and of reset, which cleans first. */
final class CleanOptions {
    @Option(names = "--i-understand", description = "Confirm that everything in the managed schemas goes.")
    boolean iUnderstand;

    /** The schemas the migrations manage; default public. */
    @Mixin
    SchemaOption schemas;

    List<String> schemas() {
        return schemas.orElse(List.of("public"));
    }
}
