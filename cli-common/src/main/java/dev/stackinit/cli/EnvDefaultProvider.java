package dev.stackinit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, by one rule: {@code --some-option} of tool {@code my-tool} reads
 * {@code MY_TOOL_SOME_OPTION}. A short alias table adds the standard names a stack already uses ({@code JWT_SECRET},
 * {@code DATABASE_URL}); the tool's own name wins when both are set. The map is injected, so tests never touch the real
 * environment.
 */
public final class EnvDefaultProvider implements IDefaultValueProvider {
    private final String prefix;
    private final Map<String, String> env;
    private final Map<String, List<String>> aliases;

    /**
     * @param toolName the tool's command name, e.g. {@code key-generator}
     * @param env the environment to read
     * @param aliases option long name (with dashes, e.g. {@code --jwt-secret}) to extra variable names, tried in order
     */
    public EnvDefaultProvider(String toolName, Map<String, String> env, Map<String, List<String>> aliases) {
        this.prefix = toEnvName(toolName) + "_";
        this.env = Map.copyOf(env);
        this.aliases = Map.copyOf(aliases);
    }

    /** {@code --wait-timeout} → {@code WAIT_TIMEOUT}; {@code key-generator} → {@code KEY_GENERATOR}. */
    public static String toEnvName(String name) {
        return name.replaceFirst("^-+", "").replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The variable names an option is read from, in the order they are tried. */
    public List<String> variablesFor(String optionLongName) {
        List<String> names = new ArrayList<>();
        names.add(prefix + toEnvName(optionLongName));
        names.addAll(aliases.getOrDefault(optionLongName, List.of()));
        return names;
    }

    /**
     * The name an option is known by in the environment: its first long name, so a hidden old spelling declared after it
     * ({@code --url-rewrite, --rewrite-url}) never renames the variable.
     */
    public static String canonicalName(OptionSpec option) {
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                return name;
            }
        }
        return option.longestName();
    }

    /** Marks a hidden old spelling: {@code descriptionKey = EnvDefaultProvider.OLD_SPELLING_OF + "--new-name"}. */
    public static final String OLD_SPELLING_OF = "old-spelling-of:";

    /** True for options read from the environment: not help/version, not hidden (old spellings count, see below). */
    public static boolean readsEnvironment(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && (!option.hidden() || oldSpellingOf(option) != null);
    }

    /** The option a hidden old spelling stands for, or null. */
    static String oldSpellingOf(OptionSpec option) {
        String key = option.descriptionKey();
        return key != null && key.startsWith(OLD_SPELLING_OF) ? key.substring(OLD_SPELLING_OF.length()) : null;
    }

    private boolean anySet(List<String> names) {
        return names.stream().map(env::get).anyMatch(value -> value != null && !value.isEmpty());
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || !readsEnvironment(option)) {
            return null;
        }
        // an old spelling's variable still works, but the new one wins when both are set
        String current = oldSpellingOf(option);
        if (current != null && anySet(variablesFor(current))) {
            return null;
        }
        for (String name : variablesFor(canonicalName(option))) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
