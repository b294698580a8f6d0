package dev.stackinit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/**
 * The training runs behind a tool's start-up caches, all in one JVM: the build records what this JVM loads and links
 * (an AOT cache on JDK 25+, an AppCDS class list on JDK 17) while it runs the lines of a training file one after the
 * other through the tool's own {@code run(env, out, err, args)}, as its {@code main} would.
 *
 * <pre>
 * java -cp TOOL.jar dev.stackinit.cli.Training MAIN_CLASS TRAINING_FILE LOG_DIR
 * </pre>
 *
 * <p>MAIN_CLASS {@code -} means the {@code Main-Class} of the JAR's manifest. A line is {@code [exit N] [NAME=value ...]
 * arguments}: shell-like words (single and double quotes), {@code $NAME} and {@code ${NAME}} taken from this process's
 * environment, leading {@code NAME=value} words added to the tool's environment, and the exit code the run must end
 * with ({@code [exit 0]} when not given: a run against a server that is up). Each run's output goes to
 * {@code LOG_DIR/run<n>.log}; stdout gets one line per run. A run that ends with another exit code, throws, or names a
 * variable that is not set is a failed training run: it is named on stderr with the end of its output, and the exit
 * status is the number of failed runs, so the build can say so. Where no stand-in servers are meant to run (the image
 * build), {@code TRAINING_SERVERS=none} makes a line that names an unset variable a skipped run instead, counted apart.
 */
public final class Training {
    private static final Pattern EXPECTED = Pattern.compile("^\\[exit (\\d+)]\\s*");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Z_][A-Z0-9_]*=.*", Pattern.DOTALL);

    private Training() {}

    /** One training run: the words after expansion, its extra environment and the exit code it must end with. */
    record Run(int number, String line, Map<String, String> env, List<String> args, int expectedExit) {}

    public static void main(String[] argv) throws Exception {
        if (argv.length != 3) {
            System.err.println(
                    "usage: java -cp TOOL.jar " + Training.class.getName() + " MAIN_CLASS TRAINING_FILE LOG_DIR");
            System.exit(2);
        }
        Class<?> main = Class.forName(argv[0].equals("-") ? manifestMainClass() : argv[0]);
        List<String> lines = Files.readAllLines(Path.of(argv[1]), StandardCharsets.UTF_8);
        Path logs = Files.createDirectories(Path.of(argv[2]));
        boolean withoutServers = "none".equals(System.getenv("TRAINING_SERVERS"));
        int failed = 0;
        int skipped = 0;
        int number = 0;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            number++;
            Optional<Run> run;
            try {
                run = parse(number, text, System::getenv);
            } catch (IllegalArgumentException e) {
                failed++;
                System.err.println("[training] run " + number + " FAILED before it started: " + e.getMessage());
                continue;
            }
            if (run.isEmpty() && withoutServers) {
                skipped++;
                System.out.println("[training] run " + number + " skipped (no stand-in servers): " + text);
                continue;
            }
            if (run.isEmpty()) {
                failed++;
                System.err.println("[training] run " + number + " SKIPPED (counts as failed): " + text
                        + " names a variable that is not set (no stand-in server?)");
                continue;
            }
            if (!execute(main, run.get(), logs.resolve("run" + number + ".log"))) {
                failed++;
            }
        }
        System.out.println("[training] " + number + " run(s), " + failed + " failed"
                + (skipped == 0 ? "" : ", " + skipped + " skipped (no stand-in servers)"));
        System.exit(Math.min(failed, 100));
    }

    private static String manifestMainClass() throws IOException {
        Enumeration<URL> manifests = ClassLoader.getSystemResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                String main = new Manifest(in).getMainAttributes().getValue("Main-Class");
                if (main != null) {
                    return main;
                }
            }
        }
        throw new IllegalArgumentException("no Main-Class in the manifests on the classpath: give MAIN_CLASS");
    }

    /** The run a line describes, or empty when it names a variable that is not set. */
    static Optional<Run> parse(int number, String line, Function<String, String> variables) {
        int expected = 0;
        String rest = line;
        Matcher exit = EXPECTED.matcher(rest);
        if (exit.find()) {
            expected = Integer.parseInt(exit.group(1));
            rest = rest.substring(exit.end());
        }
        List<String> words = new ArrayList<>();
        for (String word : words(rest)) {
            Optional<String> expanded = expand(word, variables);
            if (expanded.isEmpty()) {
                return Optional.empty();
            }
            words.add(expanded.get());
        }
        Map<String, String> env = new HashMap<>();
        int first = 0;
        while (first < words.size() && ASSIGNMENT.matcher(words.get(first)).matches()) {
            String assignment = words.get(first++);
            int equals = assignment.indexOf('=');
            env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return Optional.of(new Run(number, line, env, List.copyOf(words.subList(first, words.size())), expected));
    }

    /** Shell-like words: blanks separate, single quotes keep everything, double quotes keep blanks. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " in: " + text);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static Optional<String> expand(String word, Function<String, String> variables) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = variables.apply(name);
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    /** Runs one line as the tool's main would; true if it ended with the expected exit code. */
    private static boolean execute(Class<?> main, Run run, Path log) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(run.env());
        String[] args = run.args().toArray(String[]::new);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        String failure = null;
        try (OutputStream file = Files.newOutputStream(log);
                PrintStream capture = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            // what the tool or its libraries print past the writers goes to the log too
            System.setOut(capture);
            System.setErr(capture);
            try {
                exit = invoke(main, env, capture, args);
            } catch (RuntimeException | ReflectiveOperationException e) {
                Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
                cause.printStackTrace(capture);
                exit = -1;
                failure = cause.toString();
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
        }
        boolean passed = exit == run.expectedExit();
        stdout.println(
                "[training] run " + run.number() + " (exit " + exit + (passed ? "" : ", FAILED") + "): " + run.line());
        if (!passed) {
            stderr.println("[training] run " + run.number() + " FAILED: exit " + exit + ", expected "
                    + run.expectedExit() + (failure == null ? "" : " (" + failure + ")") + ": " + run.line());
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : output.subList(Math.max(0, output.size() - 8), output.size())) {
                stderr.println("[training]   | " + line);
            }
        }
        return passed;
    }

    /** A bare --version is answered by main before picocli (VersionProvider), so it is trained that way too. */
    private static int invoke(Class<?> main, Map<String, String> env, PrintStream capture, String[] args)
            throws ReflectiveOperationException {
        if (VersionProvider.isBareVersionRequest(args)) {
            Command command = main.getAnnotation(Command.class);
            capture.println(VersionProvider.line(command == null ? main.getSimpleName() : command.name()));
            return 0;
        }
        Method run = main.getMethod("run", Map.class, PrintWriter.class, PrintWriter.class, String[].class);
        PrintWriter writer = new PrintWriter(capture, true);
        return (Integer) run.invoke(null, env, writer, writer, args);
    }
}
