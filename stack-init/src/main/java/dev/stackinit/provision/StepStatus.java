package dev.stackinit.provision;

/** How a step ended. */
public enum StepStatus {
    /** It changed something. */
    DONE("done"),
    /** Nothing to do: what it would do is already in place. */
    UP_TO_DATE("up to date"),
    /** Dry run: what it would do. */
    PLANNED("planned"),
    /** Not run: its section is not configured or an earlier step failed. */
    SKIPPED("skipped"),
    FAILED("failed");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
