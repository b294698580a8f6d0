package dev.stackinit.keygen.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.DryRunOption;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.keygen.GenerateRequest;
import dev.stackinit.keygen.KeyPlan;
import dev.stackinit.keygen.KeyPlanner;
import dev.stackinit.keygen.MongoValues;
import dev.stackinit.keygen.io.EnvFileStore;
import dev.stackinit.keygen.io.EnvUpdater;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Without --env-file: print a fresh set of secrets and keys (dotenv, json or k8s-secret).",
            "With --env-file: fill missing values and Supabase's placeholders/demo values in place, keep every real "
                    + "value, re-sign the keys when JWT_SECRET is new; then copy values to the mapping's targets.",
            "MongoDB: root and app passwords, the replica-set keyFile (MONGO_KEYFILE) and the app's connection string "
                    + "MONGO_APP_URI, rebuilt from MONGO_APP_USERNAME, MONGO_APP_PASSWORD (URL-encoded), "
                    + "MONGO_MEMBER_HOST, MONGO_APP_DATABASE and MONGO_REPLICA_SET (read from the environment without "
                    + "--env-file)."
        })
final class GenerateCommand implements Callable<Integer> {
    /** Supabase's generate-keys script signs its API keys for five years. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(5 * 365);

    @ParentCommand
    KeyGeneratorCommand root;

    @Mixin
    StackFilesOptions files;

    @Option(names = "--rotate", description = "Regenerate every secret and key, even real ones.")
    boolean rotate;

    @Option(names = "--asymmetric", description = "Add the ES256 key set, its API keys and the sb_ opaque keys.")
    boolean asymmetric;

    @Mixin
    DryRunOption dryRun;

    @Option(
            names = "--create",
            description = "Start a missing --env-file (or mapping source) from an empty file. Without it a missing"
                    + " file is an error: copy the stack's .env.example first.")
    boolean create;

    @Mixin
    ExpiresInOption expiresIn;

    @Option(
            names = "--format",
            defaultValue = "dotenv",
            paramLabel = "<format>",
            description =
                    "dotenv, json or k8s-secret (default: ${DEFAULT-VALUE}). With --env-file: dotenv or json summary.")
    String format;

    @Mixin
    JsonOption json;

    @Option(names = "--secret-name", defaultValue = "supabase-secrets", description = "Name of the k8s Secret.")
    String secretName;

    @Option(names = "--namespace", description = "Namespace of the k8s Secret.")
    String namespace;

    @Mixin
    JwtSecretOptions jwtSecret;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        Optional<String> secret = jwtSecret.resolve();
        if (rotate && secret.isPresent()) {
            throw new UsageException(
                    "--rotate replaces JWT_SECRET, but one was given (JWT_SECRET or --jwt-secret-file)");
        }
        SecretsOutput.checkName("--secret-name", secretName, 253);
        if (namespace != null) {
            SecretsOutput.checkName("--namespace", namespace, 63);
        }
        if (json.enabled()) {
            if (!format.equals("dotenv") && !format.equals("json")) {
                throw new UsageException("--json and --format " + format + " contradict each other");
            }
            format = "json";
        }
        GenerateRequest request =
                new GenerateRequest(Map.of(), secret, rotate, asymmetric, expiresIn.orElse(DEFAULT_LIFETIME));
        KeyPlanner planner = new KeyPlanner(root.clock(), root.random());
        boolean dryRun = this.dryRun.enabled();
        if (!files.given()) {
            if (rotate || dryRun) {
                throw new UsageException((rotate ? "--rotate" : "--dry-run") + " needs --env-file");
            }
            // the app's MongoDB URI is built from compose's settings: without an env file they come from the
            // environment
            KeyPlan plan = planner.plan(new GenerateRequest(
                    MongoValues.inputsFrom(root.env()), secret, rotate, asymmetric, request.expiresIn()));
            root.spec.commandLine().getOut().print(SecretsOutput.render(format, plan.values(), secretName, namespace));
            return 0;
        }
        if (!format.equals("dotenv") && !format.equals("json")) {
            throw new UsageException("--format " + format + " cannot be combined with --env-file/--mapping");
        }
        PrintWriter err = root.spec.commandLine().getErr();
        EnvUpdater.Result result = new EnvUpdater(planner, new EnvFileStore())
                .generate(
                        files.envFiles(),
                        files.mapping(),
                        create,
                        request,
                        dryRun,
                        lock -> err.println(StackFilesOptions.waitingLine(lock)),
                        files.lockWait());
        result.notes().forEach(note -> err.println("key-generator: warning: " + note));
        root.spec.commandLine().getOut().print(GenerateSummary.render(result, format, dryRun));
        return 0;
    }
}
