package dev.stackinit.testsupport;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or a whole test class was skipped (for example "Docker is not available" for the container tier),
 * so a skipped test never passes unnoticed. Registered through META-INF/services for every module that has this module
 * on its test classpath.
 */
public final class SkipReasonPrinter implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + test.getLegacyReportingName() + " ("
                + test.getUniqueId().replaceAll(".*class:", "").replaceAll("].*", "") + "): " + reason);
    }
}
