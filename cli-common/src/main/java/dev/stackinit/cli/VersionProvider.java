package dev.stackinit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code --version}: the tool's name, the project version stamped at build time, and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    @Spec
    CommandSpec spec;

    /** The project version from the build, or {@code dev} when run from unfiltered sources. */
    public static String projectVersion() {
        // the runnable JAR's manifest (read already to start it) names it: a resource lookup would cost a bare
        // --version a fifth of its time (URL and jar-connection classes)
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The version line of a tool: its name, the project version and the Java runtime. */
    public static String line(String tool) {
        // String.join, not +, and the launcher's runtime version, not Runtime.version(): both would spin up method
        // handles first, a third of the time a bare --version takes
        return String.join("", tool, " ", projectVersion(), " (Java ", System.getProperty("java.runtime.version"), ")");
    }

    /**
     * True for a bare {@code --version} (or {@code -V}): main answers it with {@link #line} before picocli builds the
     * command tree, which is most of the start-up of such a run.
     */
    public static boolean isBareVersionRequest(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    @Override
    public String[] getVersion() {
        return new String[] {line(spec == null ? "stack-init" : spec.root().name())};
    }
}
