package dev.stackinit.migrator.cli;

import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.migrator.MigrationCreator;
import dev.stackinit.migrator.MigrationScanner;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = {
            "Creates the next migration file of a phase and prints its path.",
            "<phase>/<next number>_<name>.sql, numbered after the phase's last file with the same width (001 in an"
                    + " empty phase); .yml with a commented template in webhooks/; a UTC timestamp in migrations"
                    + " (supabase/migrations/), as 'supabase migration new' does. Never overwrites a file (exit 3)."
        })
final class NewCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "PHASE",
            description = "bootstrap, migrations, tables, functions, triggers, webhooks or seed.")
    String phase;

    @Parameters(index = "1", paramLabel = "NAME", description = "Letters, digits, '_' and '-', e.g. add_orders.")
    String name;

    @Mixin
    MigrationsDirOption migrations;

    @Mixin
    JsonOption json;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationCreator.Created created = new MigrationCreator(new MigrationScanner(), root.clock())
                .create(migrations.migrationsDir, phase, name);
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            Rendering.json(
                    out,
                    Map.of(
                            "path", created.path().toString(),
                            "script", created.script(),
                            "phase", created.phase().id(),
                            "version", created.version().toString()));
        } else {
            out.println(created.path());
        }
        return 0;
    }
}
