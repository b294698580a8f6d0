package dev.stackinit.webhooks.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.AllowPartialOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.IoErrors;
import dev.stackinit.webhooks.DeclarationWriter;
import dev.stackinit.webhooks.Headers;
import dev.stackinit.webhooks.LiveWebhook;
import dev.stackinit.webhooks.Masking;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the live webhooks as a declaration file (YAML) that apply reproduces exactly.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    UrlRewriteOption rewrite;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write here (atomically) instead of stdout.")
    Path output;

    /** Without it, triggers kept only as SQL comments (apply would not recreate them) make the export exit 3. */
    @Mixin
    AllowPartialOption allowPartial;

    @Mixin
    JsonOption json;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    WebhookConfigCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<UrlRewrite> urlRewrites = DeclarationOptions.parseRewrites(rewrite.rules());
        PrintWriter err = spec.commandLine().getErr();
        List<WebhookSpec> specs = new ArrayList<>();
        List<LiveWebhook> leftOut = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (LiveWebhook webhook : LiveReader.read(root, connection, err)) {
            // a trigger a declaration would rewrite stays out of the YAML, so plan and apply leave it alone
            Optional<String> why = webhook.whyNotDeclarable();
            if (why.isEmpty()) {
                try {
                    specs.add(UrlRewrite.applyFirst(urlRewrites, webhook.toSpec()));
                    continue;
                } catch (InvalidInputException refused) {
                    why = Optional.of("has a URL the rewrite refuses (" + refused.getMessage() + ")");
                }
            }
            leftOut.add(webhook);
            skipped.add(webhook.name() + " on " + webhook.qualifiedTable() + ": " + why.get());
            err.println("webhook-config: warning: " + webhook.name() + " on " + webhook.qualifiedTable()
                    + " not declared: it " + why.get() + "; its SQL is kept as a comment at the end of the file");
        }
        for (WebhookSpec exported : specs) {
            List<String> secrets = secretPlaces(exported);
            if (!secrets.isEmpty()) {
                warnSecret(err, exported.name(), String.join(", ", secrets));
            }
        }
        for (LiveWebhook kept : leftOut) {
            List<String> places = new ArrayList<>();
            List<String> arguments = kept.arguments();
            if (!arguments.isEmpty() && !Masking.url(arguments.get(0)).equals(arguments.get(0))) {
                places.add("url");
            }
            if (arguments.size() > 2 && Headers.anySecret(arguments.get(2))) {
                places.add("headers");
            }
            if (arguments.size() > 3 && Headers.anySecret(arguments.get(3))) {
                places.add("params");
            }
            if (!places.isEmpty()) {
                warnSecret(err, kept.name(), String.join(", ", places));
            }
        }
        String yaml = DeclarationWriter.write(specs, leftOut);
        if (output != null) {
            writeAtomically(output, yaml);
            err.println("webhook-config: exported " + specs.size() + " webhook(s) to " + output
                    + (leftOut.isEmpty() ? "" : "; " + leftOut.size() + " trigger(s) kept as SQL comments"));
        }
        boolean partial = !leftOut.isEmpty() && !allowPartial.enabled();
        if (!leftOut.isEmpty()) {
            err.println("webhook-config: " + leftOut.size() + " trigger(s) not declared (named above): apply and"
                    + " plan leave them as they are, and apply on another database would not create them"
                    + (partial ? "; pass --allow-partial to accept that (exit 3 without it)" : ""));
        }
        if (json.enabled()) {
            ObjectNode report = Render.JSON.createObjectNode();
            report.put("exported", specs.size());
            skipped.forEach(report.putArray("skipped")::add);
            report.put("skippedCount", skipped.size());
            report.put("exit", partial ? ExitCode.INVALID_INPUT.code() : 0);
            if (output == null) {
                report.put("yaml", yaml);
            } else {
                report.put("output", output.toString());
            }
            Render.print(report, spec.commandLine().getOut());
        } else if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        }
        return partial ? ExitCode.INVALID_INPUT.code() : 0;
    }

    /** Where Masking's rule finds a secret: header and param names, and "url" when the URL's masked form differs. */
    private static List<String> secretPlaces(WebhookSpec exported) {
        List<String> places = new ArrayList<>();
        if (!Masking.url(exported.url()).equals(exported.url())) {
            places.add("url");
        }
        Headers.names(exported.headers()).stream()
                .filter(Masking::isSecretName)
                .forEach(name -> places.add("header " + name));
        Headers.names(exported.params()).stream()
                .filter(Masking::isSecretName)
                .forEach(name -> places.add("param " + name));
        return places;
    }

    /** Export must reproduce the webhook, so it writes the values; it names where they are, never what. */
    private static void warnSecret(PrintWriter err, String name, String where) {
        err.println("webhook-config: warning: webhook " + name + " carries secret-looking values (" + where
                + "); replace them with ${VARIABLE} before committing the file");
    }

    private static void writeAtomically(Path target, String text) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + target + ": " + IoErrors.describe(e), e);
        }
    }
}
