package dev.stackinit.migrator.cli;

import dev.stackinit.migrator.AppliedMigration;
import dev.stackinit.migrator.MigrationListener;
import java.io.PrintWriter;
import java.time.Clock;

/** Progress on stderr: every file with --verbose, otherwise a line every two seconds (and none for short runs). */
final class StderrProgress implements MigrationListener {
    private static final long INTERVAL_MILLIS = 2000;

    private final PrintWriter err;
    private final Clock clock;
    private final boolean verbose;
    private long lastLine;

    StderrProgress(PrintWriter err, Clock clock, boolean verbose) {
        this.err = err;
        this.clock = clock;
        this.verbose = verbose;
        this.lastLine = clock.millis();
    }

    @Override
    public void waitingForLock() {
        err.println("another migrator is running on this database: waiting for its lock");
    }

    @Override
    public void applied(AppliedMigration row, int done, int total) {
        if (verbose) {
            err.println("applied " + row.script() + " (" + row.executionMillis() + " ms)");
        } else if (clock.millis() - lastLine >= INTERVAL_MILLIS) {
            err.println("applied " + done + "/" + total + " (" + row.script() + ")");
            lastLine = clock.millis();
        }
    }

    @Override
    public void reconnecting(String script, String why) {
        err.println("lost the database connection in " + script + " (" + why + "): reconnecting; the history says"
                + " what to run next");
    }

    @Override
    public void warning(String message) {
        err.println("warning: " + message);
    }
}
