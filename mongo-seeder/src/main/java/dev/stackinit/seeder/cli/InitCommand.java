package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.SourceMongoOptions;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.ToolException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.IncompleteCopyException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** init: what the compose init container runs, configured by the environment. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "What the compose init container runs: rs-init (with the root and app users when the node enforces",
            "authentication), then clone or import, configured by env.",
            "Clone when a source URI is set, else import when a seed directory is set, else nothing.",
            "Meant to be configured by MONGO_SEEDER_* variables only;",
            "mode defaults to if-complete so a restart does not copy again. The error line names the failed step."
        })
final class InitCommand implements Callable<Integer> {
    @Mixin
    TargetMongoOptions target;

    @Mixin
    TargetPasswordOptions targetPassword;

    @Mixin
    SourceMongoOptions source;

    @Mixin
    SourcePasswordOptions sourcePassword;

    @Mixin
    SeedDirOption seedDir;

    @Option(
            names = "--rs-init",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Initiate the replica set first. Default: ${DEFAULT-VALUE}.")
    boolean rsInit;

    @Mixin
    RunOptions run;

    @Mixin
    RsOptions rs;

    @Mixin
    AppUserOptions app;

    @Mixin
    CopyOptions copy;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    MongoSeederCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Steps steps = new Steps(root, spec.commandLine().getErr());
        Map<String, Object> results = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        String targetUri = targetPassword.apply(target.uri());
        String sourceUri = source.uri().map(sourcePassword::apply).orElse(null);
        var appUser = app.resolve();
        if (rsInit) {
            var result = step("rs-init", () -> steps.rsInit(targetUri, rs, appUser, run.waitTimeout()));
            Reports.notes(result)
                    .forEach(note -> spec.commandLine().getErr().println("mongo-seeder: warning: " + note));
            results.put("rsInit", Reports.json(result));
            text.append(Reports.text(result)).append('\n');
        } else if (appUser.isPresent()) {
            throw new UsageException("--app-username needs rs-init: the app user is kept by the rs-init step");
        }
        boolean cloning = sourceUri != null && !sourceUri.isBlank();
        String stepName = cloning ? "clone" : "import";
        IncompleteCopyException incomplete = null;
        CloneReport report = null;
        try {
            if (cloning) {
                report = step("clone", () -> steps.clone(sourceUri, targetUri, copyIfComplete(), run.waitTimeout()));
            } else if (seedDir.given().isPresent()) {
                report = step(
                        "import",
                        () -> steps.importDump(seedDir.required(), null, false, targetUri, copy, run.waitTimeout()));
            }
        } catch (IncompleteCopyException e) {
            incomplete = e; // the report is printed, then the error line names the step
            report = e.report();
        }
        if (report != null) {
            results.put(stepName, Reports.json(report));
            text.append(Reports.text(cloning ? "cloned" : "imported", report));
        } else {
            text.append("no source URI and no seed directory set: no data step");
        }
        if (incomplete != null) {
            results.put("error", stepName + " step failed: " + incomplete.getMessage());
            results.put("exit", incomplete.exitCode().code());
        }
        if (run.json()) {
            Reports.print(spec.commandLine().getOut(), results);
        } else {
            spec.commandLine().getOut().println(text.toString().stripTrailing());
        }
        if (incomplete != null) {
            spec.commandLine()
                    .getErr()
                    .println("mongo-seeder: " + stepName + " step failed: " + incomplete.getMessage());
            return incomplete.exitCode().code();
        }
        return 0;
    }

    /** init's default mode is if-complete, clone's own default is replace. */
    private CopyOptions copyIfComplete() {
        if (copy.mode == null) {
            copy.mode = "if-complete";
        }
        return copy;
    }

    /** Runs a step; a failure keeps its exit code and names the step on the error line. */
    private static <T> T step(String name, Supplier<T> action) {
        try {
            return action.get();
        } catch (IncompleteCopyException e) {
            throw e; // its report is printed before the error line
        } catch (ToolException e) {
            String message = name + " step failed: " + e.getMessage();
            throw switch (e.exitCode()) {
                case USAGE -> new UsageException(message, e.getCause());
                case INVALID_INPUT -> new InvalidInputException(message, e.getCause());
                case UNREACHABLE -> new UnreachableException(message, e.getCause());
                case REJECTED -> new RejectedException(message, e.getCause());
                default -> e;
            };
        }
    }
}
