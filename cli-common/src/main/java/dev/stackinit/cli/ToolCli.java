package dev.stackinit.cli;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.ToolException;
import dev.stackinit.shared.SecretMasker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Wires a tool's root command the same way for every tool: env defaults, masked stderr, one error line per failure,
 * typed exit codes, an exit-code table and the env variable names in every --help.
 */
public final class ToolCli {
    private ToolCli() {}

    /**
     * Runs the command line and returns the exit code; nothing here calls {@code System.exit}.
     *
     * @param root the tool's root {@code @Command} object, with its subcommands
     * @param aliases extra standard variable names per option long name (see {@link EnvDefaultProvider})
     */
    public static int run(
            Object root,
            Map<String, String> env,
            PrintWriter out,
            PrintWriter err,
            Map<String, List<String>> aliases,
            String... args) {
        CommandLine commandLine = new CommandLine(root);
        String tool = commandLine.getCommandName();
        PrintWriter maskedErr = new PrintWriter(new MaskingWriter(err, SecretMasker.fromEnv(env)), true);
        EnvDefaultProvider defaults = new EnvDefaultProvider(tool, env, aliases);
        commandLine.setOut(out);
        commandLine.setErr(maskedErr);
        commandLine.setDefaultValueProvider(defaults);
        commandLine.setExecutionExceptionHandler(ToolCli::handleExecutionException);
        commandLine.setParameterExceptionHandler(ToolCli::handleParameterException);
        document(commandLine, defaults);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            maskedErr.flush();
        }
    }

    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        failed.getErr()
                .println(failed.getCommandSpec().root().name() + ": " + e.getMessage() + " (see '"
                        + failed.getCommandSpec().qualifiedName() + " --help')");
        return ExitCode.USAGE.code();
    }

    private static int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String tool = commandLine.getCommandSpec().root().name();
        if (e instanceof ToolException known) {
            err.println(tool + ": " + known.getMessage());
            if (isVerbose(parseResult)) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    err.println("  caused by: " + cause);
                }
            }
            return known.exitCode().code();
        }
        err.println(tool + ": unexpected error: " + e);
        e.printStackTrace(err);
        return ExitCode.BUG.code();
    }

    /** True if the deepest matched command has {@code --verbose} set, from the command line or its env default. */
    static boolean isVerbose(ParseResult parseResult) {
        boolean verbose = false;
        for (ParseResult current = parseResult; current != null; current = current.subcommand()) {
            OptionSpec option = current.commandSpec().findOption("--verbose");
            if (option != null && Boolean.TRUE.equals(option.getValue())) {
                verbose = true;
            }
        }
        return verbose;
    }

    private static void document(CommandLine commandLine, EnvDefaultProvider defaults) {
        CommandSpec spec = commandLine.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().exitCodeList(exitCodes());
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            lines.add("  " + option.longestName() + "  <-  "
                    + String.join(", ", defaults.variablesFor(option.longestName())));
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
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(Integer.toString(code.code()), code.meaning());
        }
        return codes;
    }
}
