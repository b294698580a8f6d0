package dev.stackinit.migrator.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The confirmation and scope of clean, and of reset, which cleans first. */
final class CleanOptions {
    @Option(names = "--i-understand", description = "Confirm that everything in the managed schemas goes.")
    boolean iUnderstand;

    @Option(
            names = {"--schema", "--schemas"},
            split = ",",
            defaultValue = "public",
            paramLabel = "SCHEMA",
            description = "A schema the migrations manage (repeatable). Default: ${DEFAULT-VALUE}")
    List<String> schemas = new ArrayList<>();
}
