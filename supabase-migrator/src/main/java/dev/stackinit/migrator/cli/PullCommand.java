package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.AllowPartialOption;
import dev.stackinit.cli.options.DatabaseOptions;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.SchemaOption;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.cli.options.WaitTimeoutOption;
import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.migrator.pull.PullReport;
import dev.stackinit.migrator.pull.PullRequest;
import dev.stackinit.migrator.pull.PullService;
import dev.stackinit.shared.Retry;
import dev.stackinit.shared.SecretMasker;
import dev.stackinit.webhooks.UrlRewrite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = "Snapshots a live database's schema into ordered phase folders (tables, functions, triggers, "
                + "webhooks, seed) that migrate applies; the password may come from PGPASSWORD. Exits 3 when "
                + "something cannot be reproduced (each is named), unless --allow-partial.")
final class PullCommand implements Callable<Integer> {
    @ParentCommand
    SupabaseMigratorCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    /** The database to read: --database-url (the old --source-url still works) and --password-file. */
    @Mixin
    DatabaseOptions database;

    @Option(
            names = "--out",
            required = true,
            description = "Folder to write tables/, functions/, triggers/, webhooks/, seed/ into.")
    Path out;

    /** The schemas to pull; default public. */
    @Mixin
    SchemaOption schemas;

    @Mixin
    UrlRewriteOption rewrites;

    @Option(
            names = "--include-supabase-schemas",
            description = "Also pull the app's own objects in auth, storage, extensions, … (the platform's own objects"
                    + " there are left out: every Supabase database has them).")
    boolean includeSupabaseSchemas;

    @Mixin
    AllowPartialOption allowPartial;

    @Mixin
    JsonOption json;

    /** How long to wait for a database that does not accept connections yet, as in every other command. */
    @Mixin
    WaitTimeoutOption wait;

    @Override
    public Integer call() throws JsonProcessingException {
        String sourceUrl = database.url()
                .orElseThrow(() -> new UsageException(
                        "give --database-url (the database to read) or set SUPABASE_MIGRATOR_DATABASE_URL"));
        // PGPASSWORD only: POSTGRES_PASSWORD is the local stack's, not the source's
        DatabaseUrl source = DatabaseUrl.parse(sourceUrl, root.env().get("PGPASSWORD"));
        source = database.passwordFromFile().map(source::withPassword).orElse(source);
        List<UrlRewrite> parsed =
                rewrites.rules().stream().map(UrlRewrite::parse).toList();
        PullRequest request = new PullRequest(out, schemas.orElse(List.of("public")), includeSupabaseSchemas, parsed);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        PullReport report = new PullService(Retry.system(), wait.get(), stderr::println).pull(request, source);
        report.warnings().forEach(w -> stderr.println("warning: " + w));
        report.notReproduced().forEach(w -> stderr.println("warning: not reproduced: " + w));
        if (verbose.enabled()) {
            report.leftToPlatform().forEach(w -> stderr.println("left to the platform: " + w));
        }
        boolean partial = report.notReproducedCount() > 0 && !allowPartial.enabled();
        SecretMasker masker = SecretMasker.urisOnly();
        if (json.enabled()) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.valueToTree(report);
            node.put("notReproducedCount", report.notReproducedCount());
            node.put("partial", report.notReproducedCount() > 0);
            node.put("exit", partial ? ExitCode.INVALID_INPUT.code() : 0);
            stdout.println(masker.mask(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node)));
        } else {
            report.summary().forEach(line -> stdout.println(masker.mask(line)));
        }
        if (partial) {
            stderr.println("supabase-migrator: " + report.notReproducedCount() + " object(s) could not be reproduced"
                    + " (named above); the files were written without them. Pass --allow-partial to accept that.");
            return ExitCode.INVALID_INPUT.code();
        }
        return 0;
    }
}
