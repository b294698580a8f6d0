package dev.stackinit.migrator.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What migrate and reset share about applying files: the bootstrap and what to wait for first. */
final class ApplyOptions {
    @Option(names = "--no-bootstrap", description = "Skip the built-in bootstrap (role passwords, webhooks schema).")
    boolean noBootstrap;

    @Option(
            names = "--wait-for-table",
            split = ",",
            paramLabel = "SCHEMA.TABLE",
            description = "Wait until these tables exist first, e.g. auth.users (created by GoTrue at start-up).")
    List<String> waitForTables = new ArrayList<>();

    boolean bootstrap() {
        return !noBootstrap;
    }
}
