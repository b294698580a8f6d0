package dev.stackinit.cli;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;
import dev.stackinit.shared.SecretMasker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Wires a tool's root command the same way for every tool: env defaults, masked stderr, one error line per failure
 * (and with {@code --json} a JSON error object on stdout), typed exit codes, warnings about unread {@code <TOOL>_*}
 * variables and credentials in argv, an exit-code table and the env variable names in every --help.
 */
public final class ToolCli {
    private ToolCli() {}

    /**
     * Runs the command line and returns the exit code; nothing here calls {@code System.exit}.
     *
     * @param root the tool's root {@code @Command} object, with its subcommands; it may implement
     *     {@link EnvironmentReader} to claim {@code <TOOL>_*} variables that are not options
     * @param aliases extra standard variable names per option long name (see {@link EnvDefaultProvider})
     */
    public static int run(
            Object root,
            Map<String, String> env,
            PrintWriter out,
            PrintWriter err,
            Map<String, List<String>> aliases,
            String... args) {
        return run(root, List.of(), env, out, err, aliases, args);
    }

    /**
     * As {@link #run(Object, Map, PrintWriter, PrintWriter, Map, String...)}, for a root whose subcommands are listed
     * here instead of in its {@code @Command}: only the one the arguments name is built (see {@link Subcommands}), which
     * is what keeps a tool's no-op run short.
     *
     * @param subcommands the root's subcommand classes, in the order its --help lists them
     */
    public static int run(
            Object root,
            List<Class<?>> subcommands,
            Map<String, String> env,
            PrintWriter out,
            PrintWriter err,
            Map<String, List<String>> aliases,
            String... args) {
        DriverLogging.quiet();
        CommandLine commandLine = new CommandLine(root);
        Subcommands tree = Subcommands.addTo(commandLine, subcommands, args);
        String tool = commandLine.getCommandName();
        SecretMasker masker = SecretMasker.fromEnv(env);
        PrintWriter maskedErr = new PrintWriter(new MaskingWriter(err, masker), true);
        EnvDefaultProvider defaults = new EnvDefaultProvider(tool, env, aliases);
        Failures failures = new Failures(tool, env, out, masker, args);
        commandLine.setOut(out);
        commandLine.setErr(maskedErr);
        commandLine.setDefaultValueProvider(defaults);
        commandLine.setExecutionStrategy(parseResult -> {
            if (!parseResult.isUsageHelpRequested() && !parseResult.isVersionHelpRequested()) {
                warn(
                        maskedErr,
                        tool,
                        StartupWarnings.unreadVariables(commandLine, tree::all, tool, env, defaults, reader(root)));
                warn(maskedErr, tool, StartupWarnings.credentialsInArgv(parseResult, defaults));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler(failures::execution);
        commandLine.setParameterExceptionHandler(failures::parameter);
        document(commandLine, defaults);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            maskedErr.flush();
        }
    }

    private static EnvironmentReader reader(Object root) {
        return root instanceof EnvironmentReader reader ? reader : null;
    }

    private static void warn(PrintWriter err, String tool, List<String> warnings) {
        for (String warning : warnings) {
            err.println(tool + ": warning: " + warning);
        }
    }

    /** Turns parse errors and exceptions into one stderr line, the exit code and, with --json, a JSON error object. */
    private static final class Failures {
        private final String tool;
        private final Map<String, String> env;
        private final PrintWriter out;
        private final SecretMasker masker;
        private final String[] args;

        Failures(String tool, Map<String, String> env, PrintWriter out, SecretMasker masker, String[] args) {
            this.tool = tool;
            this.env = env;
            this.out = out;
            this.masker = masker;
            this.args = args;
        }

        int parameter(ParameterException e, String[] ignored) {
            CommandLine failed = e.getCommandLine();
            String message =
                    e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')";
            failed.getErr().println(tool + ": " + message);
            // parsing stopped, so --json may not be bound yet: look at argv and the environment
            if (jsonInArgs() || jsonInEnv()) {
                json(failed.getCommandSpec(), message, ExitCode.USAGE);
            }
            return ExitCode.USAGE.code();
        }

        int execution(Exception e, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            ExitCode code;
            String message;
            if (e instanceof ToolException known) {
                code = known.exitCode();
                message = known.getMessage();
                err.println(tool + ": " + message);
                if (isVerbose(parseResult)) {
                    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                        err.println("  caused by: " + cause);
                    }
                }
            } else {
                code = ExitCode.BUG;
                message = "unexpected error: " + e;
                err.println(tool + ": " + message);
                e.printStackTrace(err);
            }
            if (isSet(parseResult, "--json")) {
                json(commandLine.getCommandSpec(), message, code);
            }
            return code.code();
        }

        private void json(CommandSpec command, String message, ExitCode code) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("tool", tool);
            fields.put("command", command.qualifiedName(" ").replaceFirst("^" + tool + " ?", ""));
            fields.put("error", masker.mask(message));
            fields.put("exit", code.code());
            fields.put("kind", code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            out.println(JsonText.object(fields));
            out.flush();
        }

        private boolean jsonInArgs() {
            for (String arg : args) {
                if (arg.equals("--")) {
                    return false;
                }
                if (arg.equals("--json") || arg.equals("--json=true")) {
                    return true;
                }
            }
            return false;
        }

        private boolean jsonInEnv() {
            String value = env.get(EnvDefaultProvider.toEnvName(tool) + "_JSON");
            return value != null && value.equalsIgnoreCase("true");
        }
    }

    /** True if the deepest matched command has {@code --verbose} set, from the command line or its env default. */
    static boolean isVerbose(ParseResult parseResult) {
        return isSet(parseResult, "--verbose");
    }

    /** True if a command on the matched path has this boolean option set, from the command line or its env default. */
    static boolean isSet(ParseResult parseResult, String optionName) {
        boolean set = false;
        for (ParseResult current = parseResult; current != null; current = current.subcommand()) {
            OptionSpec option = current.commandSpec().findOption(optionName);
            if (option != null && Boolean.TRUE.equals(option.getValue())) {
                set = true;
            }
        }
        return set;
    }

    private static void document(CommandLine commandLine, EnvDefaultProvider defaults) {
        CommandSpec spec = commandLine.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().exitCodeList(exitCodes());
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!EnvDefaultProvider.readsEnvironment(option) || option.hidden()) {
                continue;
            }
            String name = EnvDefaultProvider.canonicalName(option);
            lines.add("  " + name + "  <-  " + String.join(", ", defaults.variablesFor(name)));
        }
        if (!lines.isEmpty()) {
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.add("%nEnvironment (options read these when not given; the first set one wins):");
            footer.addAll(lines);
            spec.usageMessage().footer(footer.toArray(String[]::new));
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            document(sub, defaults);
        }
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(Integer.toString(code.code()), code.meaning());
        }
        return codes;
    }
}
