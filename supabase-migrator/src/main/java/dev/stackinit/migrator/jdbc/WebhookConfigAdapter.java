package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.WebhookDeclarations;
import dev.stackinit.webhooks.ApplyReport;
import dev.stackinit.webhooks.BootstrapReport;
import dev.stackinit.webhooks.PlannedChange;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The webhooks phase's YAML files and the webhooks part of the built-in bootstrap, through webhook-config's facade.
 * Substitution in YAML is webhook-config's ({@code ${VAR}}, {@code ${VAR:-default}}, {@code $$}), with the same values
 * as SQL placeholders (environment + {@code --placeholder}).
 */
public final class WebhookConfigAdapter implements WebhookDeclarations {
    private final Map<String, String> values;
    private final List<UrlRewrite> rewrites;

    public WebhookConfigAdapter(Map<String, String> values, List<String> rewrites) {
        this.values = Map.copyOf(values);
        this.rewrites = rewrites.stream().map(UrlRewrite::parse).toList();
    }

    @Override
    public String canonical(Path file) {
        return load(file).stream().map(WebhookSpec::canonical).collect(Collectors.joining("\n"));
    }

    /** Creates or updates the file's webhooks in the caller's transaction; never prunes (other files own others). */
    public String apply(Connection connection, Path file) {
        ApplyReport report = Webhooks.apply(connection, load(file), false);
        return report.summary();
    }

    /**
     * Dry run: the webhook plan of one file against the database, one line per webhook. When the database cannot be
     * compared yet (webhooks not enabled, the table created by a pending file), the declarations and the reason.
     */
    public List<String> plan(Connection connection, Path file) {
        List<WebhookSpec> specs = load(file);
        try {
            ApplyReport report = Webhooks.plan(connection, specs, false);
            List<String> lines = new ArrayList<>();
            for (PlannedChange change : report.plan().changes()) {
                if (change.action() == PlannedChange.Action.KEPT) {
                    continue; // another file's webhook: migrate never prunes
                }
                String line =
                        change.action().name().toLowerCase(Locale.ROOT) + " " + change.name() + " on " + change.table();
                lines.add(
                        change.differences().isEmpty()
                                ? line
                                : line + " (" + String.join("; ", change.differences()) + ")");
            }
            report.warnings().forEach(w -> lines.add("warning: " + w));
            return lines;
        } catch (InvalidInputException notYet) {
            List<String> lines = new ArrayList<>();
            specs.forEach(spec -> lines.add("declare " + spec.name() + " on " + spec.qualifiedTable() + " "
                    + spec.events().stream().map(Enum::name).sorted().toList()));
            lines.add("(not compared with the database yet: " + notYet.getMessage() + ")");
            return lines;
        }
    }

    /** supabase_functions and http_request(), on the admin connection in its current transaction. */
    public BootstrapReport bootstrap(Connection adminConnection) {
        return Webhooks.bootstrap(adminConnection);
    }

    private List<WebhookSpec> load(Path file) {
        return Webhooks.load(List.of(file), values, rewrites);
    }
}
