package dev.stackinit.provision.cli;

import dev.stackinit.embedded.EmbeddedMongo;
import dev.stackinit.errors.UsageException;
import dev.stackinit.provision.ConfigValidator;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.provision.ProvisionSettings;
import dev.stackinit.provision.Provisioner;
import dev.stackinit.provision.StepFactory;
import dev.stackinit.provision.StepFailedException;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import dev.stackinit.provision.embedded.EmbeddedStack;
import dev.stackinit.provision.embedded.NextCommands;
import dev.stackinit.provision.io.ConfigLoader;
import dev.stackinit.provision.io.ReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * Shared by provision and plan: load and check the whole config (or start the embedded stack), run or plan the steps,
 * print the summary. A failing step ends the run with one error line {@code stack-init: <step>: <message>} and its
 * exit code.
 */
final class ProvisionRun {
    private final StackInitCommand root;
    private final ProvisionOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    ProvisionRun(StackInitCommand root, ProvisionOptions options, CommandLine commandLine) {
        this.root = root;
        this.options = options;
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
    }

    int execute(boolean dryRun, EmbeddedStack.Options embedded, boolean keepRunning) {
        if (!options.embedded) {
            Path base = options.config == null
                    ? Path.of("").toAbsolutePath()
                    : options.config.toAbsolutePath().getParent();
            ProvisionConfig config = new ConfigLoader().load(options.config, root.env());
            String source = options.config == null ? "configuration" : options.config.toString();
            ProvisionSettings settings = new ConfigValidator(base, source)
                    .waitTimeout(options.waitOverride(root.env()))
                    .validate(config);
            return finish(provision(settings, base, root.env(), dryRun, Map.of()));
        }
        if (options.config != null) {
            throw new UsageException("--embedded brings its own configuration; drop --config");
        }
        embedded.requireFreePorts();
        err.println("starting embedded PostgreSQL 15 (Supabase bootstrap) and " + EmbeddedMongo.LABEL + "...");
        EmbeddedStack stack = EmbeddedStack.start(embedded);
        try {
            ProvisionSettings settings = new ConfigValidator(stack.workDir(), "embedded configuration")
                    .waitTimeout(options.waitOverride(root.env()))
                    .validate(stack.config());
            if (!options.json.enabled()) {
                stack.connections().forEach((name, url) -> out.println(name + ": " + url));
            }
            Provisioner.Report report =
                    provision(settings, stack.workDir(), stack.env(root.env()), dryRun, stack.connections());
            boolean ok = report.failure().isEmpty();
            if (ok && !dryRun && !options.json.enabled()) {
                out.print(keepRunning ? NextCommands.whileRunning(stack) : NextCommands.afterExit(stack));
                out.flush();
            }
            if (ok && keepRunning) {
                waitForCtrlC(stack);
            }
            return finish(report);
        } finally {
            stack.close();
        }
    }

    private Provisioner.Report provision(
            ProvisionSettings settings,
            Path base,
            Map<String, String> env,
            boolean dryRun,
            Map<String, String> connections) {
        var steps = new StepFactory(root.clock(), root.random(), env, err::println).steps(settings, base);
        Provisioner.Report report = new Provisioner(root.clock()).run(steps, dryRun, this::progress);
        out.print(options.json.enabled() ? ReportRenderer.json(report, connections) : ReportRenderer.table(report));
        out.flush();
        return report;
    }

    /** One line per step as it ends; a failed step's line is the error line at the end of the run instead. */
    private void progress(StepOutcome outcome) {
        if (outcome.status() != StepStatus.FAILED) {
            err.println(ReportRenderer.line(outcome));
        }
    }

    /**
     * The run's exit code. A failure becomes the one error line every tool prints, through ToolCli (which adds the
     * cause chain with --verbose); with --json the report on stdout already carries error and exit, so only the
     * line is printed here.
     */
    private int finish(Provisioner.Report report) {
        if (report.failure().isEmpty()) {
            return report.exitCode();
        }
        StepFailedException failure = report.failure().get();
        if (options.json.enabled()) {
            err.println("stack-init: " + failure.getMessage());
            return report.exitCode();
        }
        throw failure;
    }

    private void waitForCtrlC(EmbeddedStack stack) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        err.println("both servers keep running; press Ctrl-C to stop them and remove their data");
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
