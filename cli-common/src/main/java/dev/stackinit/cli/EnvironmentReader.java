package dev.stackinit.cli;

import java.util.Set;

/**
 * Implemented by a tool's root command when it reads {@code <TOOL>_*} variables that are not options (stack-init's
 * {@code STACK_INIT_<SECTION>_<KEY>}), so ToolCli neither warns about them as unread nor misses a typo of one.
 */
public interface EnvironmentReader {
    /** Every such variable the tool reads. */
    Set<String> variablesRead();
}
