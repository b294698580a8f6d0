package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.AllowPartialOption;
import dev.stackinit.cli.options.SchemaOption;
import dev.stackinit.errors.ExitCode;
import dev.stackinit.migrator.diff.DiffReport;
import dev.stackinit.migrator.diff.DiffService;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.migrator.jdbc.JdbcDiffDatabases;
import dev.stackinit.migrator.jdbc.MigrationSetup;
import dev.stackinit.migrator.pull.SchemaDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compares the live database with what the migrations folder builds (on a scratch database),"
                + " object by object: exit 0 when equal, 3 with one line per difference. With --write NAME, writes the"
                + " differences as new migration files and records them as applied. The live database is only read.")
final class DiffCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    VerboseOption verbose;

    @Option(
            names = "--shadow-url",
            paramLabel = "URL",
            description = "Scratch database to migrate the folder onto; it is emptied first, every time. Default: a"
                    + " temporary database on the live server (refused where it lacks Supabase's auth/storage).")
    String shadowUrl;

    @Option(
            names = "--shadow-admin-url",
            paramLabel = "URL",
            description = "Admin connection of the shadow database. Default: supabase flavour: the shadow URL as"
                    + " supabase_admin (same password); plain: the shadow URL itself.")
    String shadowAdminUrl;

    /** The schemas to compare; default: every schema of the app in either database. */
    @Mixin
    SchemaOption schemas;

    /** Objects diff cannot compare make the exit 3 unless this is given (they are named either way). */
    @Mixin
    AllowPartialOption allowPartial;

    @Option(
            names = "--write",
            paramLabel = "NAME",
            description = "Write the differences as <phase>/<next>_NAME.sql (webhooks as YAML where they can be) and"
                    + " record them as applied: the live database already has them.")
    String write;

    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        MigrationSetup setup = target.setup(root, err);
        Optional<DatabaseUrl> shadow = Optional.ofNullable(shadowUrl).map(setup::parseUrl);
        Optional<DatabaseUrl> shadowAdmin = Optional.ofNullable(shadowAdminUrl).map(setup::parseAdminUrl);
        DiffReport report;
        try (JdbcDiffDatabases databases =
                new JdbcDiffDatabases(setup, shadow, shadowAdmin, target.supabase(), root.clock(), err::println)) {
            DiffService service = new DiffService(databases, verbose.enabled() ? err::println : line -> {});
            report = service.diff(
                    target.migrations.migrationsDir, schemas.orElse(List.of()), Optional.ofNullable(write));
        }
        boolean partial = !report.notCompared().isEmpty() && !allowPartial.enabled();
        int exit = (report.equal() || write != null) && !partial ? 0 : ExitCode.INVALID_INPUT.code();
        render(spec.commandLine().getOut(), report, exit);
        if (!report.notCompared().isEmpty()) {
            err.println("supabase-migrator: " + (partial ? "" : "warning: ")
                    + report.notCompared().size()
                    + " object(s) not compared (the catalog reader cannot represent them, as pull cannot"
                    + " reproduce them): " + String.join("; ", report.notCompared())
                    + (partial ? " (--allow-partial accepts a comparison without them)" : ""));
        }
        if (!report.equal() && write == null) {
            err.println("supabase-migrator: " + report.differences().size() + " difference(s): "
                    + report.migrationsDir() + " no longer builds " + report.live()
                    + " (diff --write NAME turns them into migration files)");
        }
        return exit;
    }

    private void render(PrintWriter out, DiffReport report, int exit) throws JsonProcessingException {
        if (target.json()) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("live", report.live());
            node.put("shadow", report.shadow());
            node.put("migrationsDir", report.migrationsDir());
            node.set("schemas", mapper.valueToTree(report.schemas()));
            ArrayNode differences = node.putArray("differences");
            for (SchemaDiff.Difference d : report.differences()) {
                differences
                        .addObject()
                        .put("change", d.change().label())
                        .put("kind", d.kind())
                        .put("name", d.name());
            }
            node.put("count", report.differences().size());
            node.set("written", mapper.valueToTree(report.written()));
            node.set("notCompared", mapper.valueToTree(report.notCompared()));
            node.put("notComparedCount", report.notCompared().size());
            node.put("exit", exit);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            return;
        }
        if (report.equal()) {
            out.println("no differences: " + report.migrationsDir() + " builds " + report.live() + " (schemas "
                    + String.join(", ", report.schemas()) + ")"
                    + (report.notCompared().isEmpty()
                            ? ""
                            : "; " + report.notCompared().size() + " object(s) not compared"));
            return;
        }
        for (SchemaDiff.Difference d : report.differences()) {
            out.printf("%-8s %-18s %s%n", d.change().label(), d.kind(), d.name());
        }
        if (!report.written().isEmpty()) {
            out.println("wrote " + String.join(", ", report.written()) + "; recorded as applied in the history of "
                    + report.live() + " (it already has these changes)");
        }
    }
}
