package dev.stackinit.seeder.cli;

import dev.stackinit.errors.UsageException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --database}: which MongoDB database(s) a command reads or writes, the same option for every command. */
final class DatabasesOption {
    static final String DEFAULT_DATABASE = "__models__";

    @Option(
            names = "--database",
            split = ",",
            paramLabel = "DB",
            description = "Database (repeatable for clone and import). Default: " + DEFAULT_DATABASE
                    + "; import of a dump root or archive: every database it holds.")
    List<String> databases;

    /** The databases given, or the default one. */
    List<String> databases() {
        return given() ? List.copyOf(databases) : List.of(DEFAULT_DATABASE);
    }

    boolean given() {
        return databases != null && !databases.isEmpty();
    }

    /** For commands that work on one database (export). */
    String single(String command) {
        List<String> all = databases();
        if (all.size() != 1) {
            throw new UsageException(command + " takes one --database, got " + String.join(", ", all));
        }
        return all.get(0);
    }
}
