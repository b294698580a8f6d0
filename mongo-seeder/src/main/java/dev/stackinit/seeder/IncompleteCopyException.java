package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import java.util.stream.Collectors;

/**
 * The copy finished, but the source held things it did not carry over (exit 3): the report names each of them. Thrown
 * after the work, so that nothing restorable is held back, and never silently turned into success.
 */
public final class IncompleteCopyException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    private final transient CloneReport report;

    public IncompleteCopyException(CloneReport report) {
        super(message(report));
        this.report = report;
    }

    public CloneReport report() {
        return report;
    }

    private static String message(CloneReport report) {
        int count = report.notRestored().size();
        String listed = report.notRestored().stream()
                .limit(LISTED)
                .map(Unrestored::toString)
                .collect(Collectors.joining("; "));
        return count + (count == 1 ? " item" : " items") + " of the source not restored: " + listed
                + (count > LISTED ? "; and " + (count - LISTED) + " more" : "")
                + " (--exclude a name to accept leaving it behind)";
    }
}
