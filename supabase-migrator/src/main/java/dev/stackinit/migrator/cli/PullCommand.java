package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.DatabaseOptions;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.SchemaOption;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import dev.stackinit.migrator.pull.PullReport;
import dev.stackinit.migrator.pull.PullRequest;
import dev.stackinit.migrator.pull.PullService;
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
                + "webhooks) that migrate applies; the password may come from PGPASSWORD.")
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
            description = "Folder to write tables/, functions/, triggers/, webhooks/ into.")
    Path out;

    /** The schemas to pull; default public. */
    @Mixin
    SchemaOption schemas;

    @Mixin
    UrlRewriteOption rewrites;

    @Option(names = "--include-supabase-schemas", description = "Also pull auth, storage, extensions, … objects.")
    boolean includeSupabaseSchemas;

    @Mixin
    JsonOption json;

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
        PullReport report = new PullService().pull(request, source);
        PrintWriter stdout = spec.commandLine().getOut();
        report.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        SecretMasker masker = SecretMasker.urisOnly();
        if (json.enabled()) {
            stdout.println(masker.mask(
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)));
        } else {
            report.summary().forEach(line -> stdout.println(masker.mask(line)));
        }
        return 0;
    }
}
