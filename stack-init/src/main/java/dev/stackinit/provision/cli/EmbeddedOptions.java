package dev.stackinit.provision.cli;

import dev.stackinit.errors.UsageException;
import dev.stackinit.provision.embedded.EmbeddedStack;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What provision --embedded leaves behind: servers to look at (--keep-running), on known ports, and the env files. */
final class EmbeddedOptions {
    @Option(
            names = "--keep-running",
            description = "With --embedded: keep both servers up after the summary, print the commands to look at them,"
                    + " and stop them on Ctrl-C. Without it the run ends (the form for CI and scripts).")
    boolean keepRunning;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "With --embedded: PostgreSQL's port (default: a free one).")
    int port;

    @Option(
            names = "--mongo-port",
            paramLabel = "PORT",
            description = "With --embedded: the MongoDB stand-in's port (default: a free one).")
    int mongoPort;

    @Option(
            names = "--workdir",
            paramLabel = "DIR",
            description = "With --embedded: keep the samples and the generated env files (.env, stackend.env,"
                    + " stackweb.env) in DIR, created if missing; a later run reuses them. Default: a temporary"
                    + " folder removed at the end.")
    Path workDir;

    /** @throws UsageException when one of these is given without --embedded */
    EmbeddedStack.Options require(boolean embedded) {
        if (!embedded) {
            String given = keepRunning
                    ? "--keep-running"
                    : port != 0 ? "--port" : mongoPort != 0 ? "--mongo-port" : workDir != null ? "--workdir" : null;
            if (given != null) {
                throw new UsageException(given + " goes with --embedded");
            }
        }
        return new EmbeddedStack.Options(port, mongoPort, Optional.ofNullable(workDir));
    }
}
