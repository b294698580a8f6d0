package dev.stackinit.testsupport;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test or a whole test class did not run: disabled by a condition (for example "Docker is not available"
 * for the container tier) or aborted by an assumption (a tool jar not built, npm not installed). So a test that did not
 * run never passes unnoticed. Registered through META-INF/services for every module that has this module on its test
 * classpath.
 */
public final class SkipReasonPrinter implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + describe(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            System.out.println("[SKIPPED] " + describe(test) + ": " + reason);
        }
    }

    private static String describe(TestIdentifier test) {
        String id = test.getUniqueId();
        int classStart = id.indexOf("[class:");
        String className = classStart < 0 ? "" : id.substring(classStart + 7, id.indexOf(']', classStart));
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return test.isContainer() || simple.isEmpty() ? test.getDisplayName() : simple + "." + test.getDisplayName();
    }
}
