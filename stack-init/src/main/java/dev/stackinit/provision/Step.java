package dev.stackinit.provision;

/** One provisioning step (keys, mongo, supabase). Throws a cli-common {@code ToolException} when it fails. */
public interface Step {
    String name();

    /** Does the work, or finds nothing to do and says so. */
    StepOutcome run();

    /** Says what {@link #run()} would do, changing nothing. */
    StepOutcome plan();
}
