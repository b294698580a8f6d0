package dev.stackinit.webhooks.cli;

import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.webhooks.UrlRewrite;
import dev.stackinit.webhooks.WebhookSpec;
import dev.stackinit.webhooks.Webhooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The declaration files and URL rewrites of plan and apply. */
final class DeclarationOptions {
    @Option(
            names = {"-f", "--file"},
            split = ",",
            paramLabel = "FILE",
            description = "Declaration file(s) (YAML); repeat or separate with commas. Names must be unique across"
                    + " files.")
    List<Path> files;

    @Mixin
    UrlRewriteOption rewrite;

    List<WebhookSpec> load(Map<String, String> env) {
        if (files == null || files.isEmpty()) {
            throw new UsageException("no declaration file: give -f/--file or set WEBHOOK_CONFIG_FILE");
        }
        return Webhooks.load(files, env, rewrites());
    }

    List<UrlRewrite> rewrites() {
        return parseRewrites(rewrite.rules());
    }

    static List<UrlRewrite> parseRewrites(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(UrlRewrite::parse).toList();
    }
}
