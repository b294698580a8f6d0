package dev.stackinit.provision.cli;

import dev.stackinit.embedded.EmbeddedMongo;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.provision.Provisioner;
import dev.stackinit.provision.StepFactory;
import dev.stackinit.provision.embedded.EmbeddedStack;
import dev.stackinit.provision.io.ConfigLoader;
import dev.stackinit.provision.io.ReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Shared by provision and plan: load the config (or start the embedded stack), run the steps, print the summary. */
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

    int execute(boolean dryRun, boolean keepRunning) {
        if (!options.embedded) {
            ProvisionConfig config = new ConfigLoader().load(options.config, root.env());
            if (config.isEmpty()) {
                throw new InvalidInputException(
                        "nothing to provision: give --config stack-init.yml or STACK_INIT_* variables (see --help)");
            }
            Path base = options.config == null
                    ? Path.of("").toAbsolutePath()
                    : options.config.toAbsolutePath().getParent();
            return provision(config, base, root.env(), dryRun, Map.of());
        }
        if (options.config != null) {
            throw new UsageException("--embedded brings its own configuration; drop --config");
        }
        err.println("starting embedded PostgreSQL 15 (Supabase bootstrap) and " + EmbeddedMongo.LABEL + "...");
        EmbeddedStack stack = EmbeddedStack.start();
        Thread stopper = new Thread(stack::close, "stack-init-embedded-stop");
        try {
            if (!options.json.enabled()) {
                stack.connections().forEach((name, url) -> out.println(name + ": " + url));
            }
            int code = provision(stack.config(), stack.workDir(), stack.env(root.env()), dryRun, stack.connections());
            if (keepRunning && code == 0) {
                waitForCtrlC(stopper);
            }
            return code;
        } finally {
            stack.close();
        }
    }

    private int provision(
            ProvisionConfig config,
            Path base,
            Map<String, String> env,
            boolean dryRun,
            Map<String, String> connections) {
        var steps = new StepFactory(root.clock(), root.random(), env, err::println).steps(config, base);
        Provisioner.Report report =
                new Provisioner(root.clock()).run(steps, dryRun, outcome -> err.println(ReportRenderer.line(outcome)));
        out.print(options.json.enabled() ? ReportRenderer.json(report, connections) : ReportRenderer.table(report));
        out.flush();
        return report.exitCode();
    }

    private void waitForCtrlC(Thread stopper) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopper.run();
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
