package dev.stackinit.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackinit.cli.VerboseOption;
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

    @Option(names = "--source-url", description = "postgres://… or jdbc:postgresql://… URL of the database to read.")
    String sourceUrl;

    @Option(
            names = "--out",
            required = true,
            description = "Folder to write tables/, functions/, triggers/, webhooks/ into.")
    Path out;

    @Option(names = "--schema", split = ",", defaultValue = "public", description = "Schema to pull (repeatable).")
    List<String> schemas;

    @Option(
            names = {"--url-rewrite", "--rewrite-url"},
            split = ",",
            paramLabel = "FROM=>TO",
            description = "Webhook URL prefix rewrite (repeatable); the first matching one wins.")
    List<String> rewrites = List.of();

    @Option(names = "--include-supabase-schemas", description = "Also pull auth, storage, extensions, … objects.")
    boolean includeSupabaseSchemas;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            throw new UsageException("--source-url is required (or set SUPABASE_MIGRATOR_SOURCE_URL)");
        }
        // PGPASSWORD only: POSTGRES_PASSWORD is the local stack's, not the source's
        DatabaseUrl source = DatabaseUrl.parse(sourceUrl, root.env().get("PGPASSWORD"));
        List<UrlRewrite> parsed = rewrites.stream().map(UrlRewrite::parse).toList();
        PullRequest request = new PullRequest(out, schemas, includeSupabaseSchemas, parsed);
        PullReport report = new PullService().pull(request, source);
        PrintWriter stdout = spec.commandLine().getOut();
        report.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        SecretMasker masker = SecretMasker.urisOnly();
        if (json) {
            stdout.println(masker.mask(
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)));
        } else {
            report.summary().forEach(line -> stdout.println(masker.mask(line)));
        }
        return 0;
    }
}
