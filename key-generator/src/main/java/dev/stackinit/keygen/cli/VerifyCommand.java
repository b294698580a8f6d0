package dev.stackinit.keygen.cli;

import dev.stackinit.cli.DurationConverter;
import dev.stackinit.cli.EnvDefaultProvider;
import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.keygen.Finding;
import dev.stackinit.keygen.KeyVerifier;
import dev.stackinit.keygen.Vars;
import dev.stackinit.keygen.VerifyRequest;
import dev.stackinit.keygen.io.EnvFileStore;
import dev.stackinit.keygen.io.StackFiles;
import dev.stackinit.keygen.io.StackVerifier;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check the stack's secrets and keys, from --env-file(s) or else from the environment: signatures, roles, "
                    + "expiry, lengths, demo values, asymmetric keys, and that mapped copies are identical.",
            "Prints one line per finding; exits 0 only if everything holds, else 3."
        })
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    KeyGeneratorCommand root;

    @Mixin
    StackFilesOptions files;

    @Option(names = "--allow-demo", description = "Report Supabase's public demo values as warnings, not errors.")
    boolean allowDemo;

    /** Supabase's keys are signed for years: a month is time enough to rotate them. */
    private static final Duration DEFAULT_WARN_BEFORE = Duration.ofDays(30);

    @Option(
            names = "--warn-before",
            paramLabel = "DURATION",
            converter = DurationConverter.NonNegative.class,
            description = "Warn when a key expires within this time: 30d, 12h, 2w, P30D (default: 30d).")
    Duration warnBefore;

    /** The old spelling, a number of days, still accepted. */
    @Option(names = "--warn-days", hidden = true, descriptionKey = EnvDefaultProvider.OLD_SPELLING_OF + "--warn-before")
    Integer warnDays;

    @Mixin
    JsonOption json;

    @Mixin
    JwtSecretOptions jwtSecret;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Duration warnBefore = warnBefore();
        Optional<String> given = jwtSecret.resolve();
        boolean fromFiles = files.given();
        List<Finding> findings = new ArrayList<>();
        if (fromFiles) {
            files.awaitIdle(root.spec.commandLine().getErr());
            StackFiles stack = StackFiles.load(files.envFiles(), files.mapping(), new EnvFileStore(), true);
            findings.addAll(new StackVerifier(new KeyVerifier(root.clock())).verify(stack, allowDemo, warnBefore));
            String inFile = stack.file(stack.main()).values().get(Vars.JWT_SECRET);
            if (given.isPresent() && inFile != null && !given.get().equals(inFile)) {
                findings.add(Finding.error(
                        Vars.JWT_SECRET,
                        "in the environment differs from the one in " + StackFiles.display(stack.main())));
            }
        } else {
            Map<String, String> values = new java.util.HashMap<>(root.env());
            given.ifPresent(secret -> values.put(Vars.JWT_SECRET, secret));
            findings.addAll(new KeyVerifier(root.clock()).verify(new VerifyRequest(values, allowDemo, warnBefore)));
        }
        print(findings);
        long errors = findings.stream().filter(Finding::isError).count();
        if (errors > 0) {
            throw new InvalidInputException(errors + " problem(s) found; fix with: key-generator generate "
                    + (fromFiles ? fixArguments() : "--env-file <the stack's .env>")
                    + " (it fills missing values and replaces demo values and keys that do not verify; a value you set"
                    + " yourself that is too weak it keeps: change that one by hand, or regenerate all with --rotate)");
        }
        return 0;
    }

    private Duration warnBefore() {
        if (warnDays == null) {
            return warnBefore == null ? DEFAULT_WARN_BEFORE : warnBefore;
        }
        if (warnBefore != null) {
            throw new UsageException("--warn-days is the old spelling of --warn-before: give only --warn-before");
        }
        if (warnDays < 0) {
            throw new UsageException("--warn-days must be 0 or more, not " + warnDays);
        }
        return Duration.ofDays(warnDays);
    }

    private void print(List<Finding> findings) {
        PrintWriter out = root.spec.commandLine().getOut();
        if (json.enabled()) {
            out.print(SecretsOutput.json(findings));
            return;
        }
        findings.forEach(f -> out.println(f.line()));
        if (findings.stream().noneMatch(Finding::isError)) {
            out.println("ok: keys and secrets verified"
                    + (findings.isEmpty() ? "" : " (" + findings.size() + " warning(s))"));
        }
    }

    private String fixArguments() {
        StringBuilder args = new StringBuilder();
        files.envFiles().forEach(f -> args.append("--env-file ").append(f).append(' '));
        files.mapping().ifPresent(m -> args.append("--mapping ").append(m));
        return args.toString().strip();
    }
}
