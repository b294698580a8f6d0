package dev.stackinit.cli;

import dev.stackinit.shared.SecretMasker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The warnings every tool gives before it runs: a {@code <TOOL>_*} variable that no option reads (a typo such as
 * {@code SUPABASE_MIGRATOR_DATABSE_URL} would otherwise be ignored in silence), and a credential typed into argv, where
 * other users of the machine can read it.
 */
final class StartupWarnings {
    private static final Pattern SECRET_OPTION = Pattern.compile("--(.*-)?(secret|password|token|passphrase)");

    private StartupWarnings() {}

    /**
     * One warning per variable with the tool's prefix that neither an option nor the tool itself reads.
     *
     * @param parsed the command tree this run built (the root and the subcommand it runs); looked at only when a
     *     variable with the tool's prefix is set that the tool does not read by name
     * @param whole the root and every subcommand; built only when a variable is left that the parsed tree does not
     *     read either (a run builds only the subcommand it runs, see {@link Subcommands}), so the usual run (an init
     *     container configured by its own variables) never builds the subcommands it does not run
     */
    static List<String> unreadVariables(
            CommandLine parsed,
            Supplier<List<CommandLine>> whole,
            String tool,
            Map<String, String> env,
            EnvDefaultProvider defaults,
            EnvironmentReader own) {
        String prefix = EnvDefaultProvider.toEnvName(tool) + "_";
        Set<String> read = new TreeSet<>();
        if (own != null) {
            read.addAll(own.variablesRead());
        }
        // the trees to look at, cheapest first, each taken only when a variable is still unread
        Iterator<Supplier<List<CommandLine>>> trees = List.<Supplier<List<CommandLine>>>of(() -> List.of(parsed), whole)
                .iterator();
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(env.keySet())) {
            if (!variable.startsWith(prefix)) {
                continue;
            }
            while (!read.contains(variable) && trees.hasNext()) {
                trees.next().get().forEach(command -> collect(command, defaults, read));
            }
            if (read.contains(variable)) {
                continue;
            }
            String closest = closest(variable, read);
            warnings.add(variable + " is set but no option of " + tool + " reads it"
                    + (closest == null ? "" : " (did you mean " + closest + "?)"));
        }
        return warnings;
    }

    private static void collect(CommandLine command, EnvDefaultProvider defaults, Set<String> read) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (EnvDefaultProvider.readsEnvironment(option)) {
                read.addAll(defaults.variablesFor(EnvDefaultProvider.canonicalName(option)));
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, defaults, read);
        }
    }

    /** The known name within two edits of the typo, if there is exactly one best. */
    static String closest(String typo, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = distance(typo, candidate, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** One warning per option given on the command line that carries a credential, naming the safer way. */
    static List<String> credentialsInArgv(ParseResult parseResult, EnvDefaultProvider defaults) {
        List<String> warnings = new ArrayList<>();
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                String name = EnvDefaultProvider.canonicalName(option);
                if (carriesCredential(name, option.originalStringValues())) {
                    warnings.add(name + " carries a credential on the command line, where other users of this machine"
                            + " can read it (ps, shell history); " + saferWay(level.commandSpec(), name, defaults));
                }
            }
        }
        return warnings;
    }

    static boolean carriesCredential(String optionName, List<String> values) {
        if (optionName.endsWith("-file")) {
            return false;
        }
        if (SECRET_OPTION.matcher(optionName.toLowerCase(Locale.ROOT)).matches()) {
            return true;
        }
        for (String value : values) {
            if (!SecretMasker.urisOnly().mask(value).equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String saferWay(CommandSpec command, String name, EnvDefaultProvider defaults) {
        String variable = defaults.variablesFor(name).get(0);
        for (String candidate : List.of(
                name + "-file",
                name.replaceFirst("-(url|uri)$", "-password-file"),
                name.equals("--database-url") ? "--password-file" : name)) {
            if (!candidate.equals(name) && command.findOption(candidate) != null) {
                return "set " + variable + " in the environment or use " + candidate;
            }
        }
        return "set " + variable + " in the environment instead";
    }
}
