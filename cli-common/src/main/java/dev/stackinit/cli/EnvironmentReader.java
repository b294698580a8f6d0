package dev.stackinit.cli;

/**
 * Implemented by a tool's root command when it reads {@code <TOOL>_*} variables that are not options (stack-init's
 * {@code STACK_INIT_<SECTION>_<KEY>}), so ToolCli does not warn about them as unread.
 */
public interface EnvironmentReader {
    /** True when the tool reads this variable itself. */
    boolean reads(String variable);
}
