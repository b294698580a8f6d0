package dev.stackinit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the drivers' own java.util.logging off stderr: pgjdbc logs WARNING lines for a bad port or service before it
 * fails (two lines the user did not ask for, next to our one error line), and the MongoDB driver falls back to
 * java.util.logging without SLF4J. What went wrong reaches the user as our one error line; SLF4J output goes to
 * slf4j-nop in the tools that carry SLF4J.
 */
public final class DriverLogging {
    private static final List<String> DRIVERS =
            List.of("org.postgresql", "org.mongodb.driver", "org.flywaydb", "io.zonky", "de.bwaldvogel");

    /** java.util.logging holds loggers weakly: a collected logger would come back with its level reset. */
    private static final List<Logger> SILENCED = new ArrayList<>();

    private DriverLogging() {}

    public static synchronized void quiet() {
        if (!SILENCED.isEmpty()) {
            return;
        }
        for (String name : DRIVERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.OFF);
            SILENCED.add(logger);
        }
    }
}
