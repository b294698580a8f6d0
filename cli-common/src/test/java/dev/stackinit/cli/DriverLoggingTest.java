package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class DriverLoggingTest {
    @Command(name = "demo")
    static final class Demo implements Runnable {
        @Override
        public void run() {}
    }

    @Test
    void aToolRunSilencesTheDriversJavaUtilLogging() {
        ToolCli.run(
                new Demo(),
                Map.of(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of());
        for (String name :
                List.of("org.postgresql.Driver", "org.postgresql.util.PGPropertyUtil", "org.mongodb.driver.client")) {
            assertThat(Logger.getLogger(name).isLoggable(Level.SEVERE)).as(name).isFalse();
        }
        assertThat(Logger.getLogger("dev.stackinit.anything").isLoggable(Level.WARNING))
                .isTrue();
    }
}
