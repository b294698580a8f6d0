package dev.stackinit.bench;

import java.io.PrintWriter;
import java.util.Map;

/** The program of the tiny JAR that {@link StartupCacheIT} makes caches for; {@code exit=N} makes it end with N. */
public final class HelloMain {
    private HelloMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(run(System.getenv(), out, out, args));
    }

    /** What dev.stackinit.cli.Training calls, as on every tool's main class. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        out.println("hello " + String.join(" ", args) + " " + env.getOrDefault("GREETING", "-") + " java "
                + System.getProperty("java.specification.version"));
        out.flush();
        for (String arg : args) {
            if (arg.startsWith("exit=")) {
                return Integer.parseInt(arg.substring(5));
            }
        }
        return 0;
    }
}
