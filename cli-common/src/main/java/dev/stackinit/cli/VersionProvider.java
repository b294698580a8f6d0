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

    @Override
    public String[] getVersion() {
        String tool = spec == null ? "stack-init" : spec.root().name();
        return new String[] {tool + " " + projectVersion() + " (Java " + Runtime.version() + ")"};
    }
}
