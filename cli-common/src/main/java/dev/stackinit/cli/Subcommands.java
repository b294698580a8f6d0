package dev.stackinit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A root command's subcommands, built only as far as a run needs them. Picocli reflects over every option of every
 * subcommand when it builds a command tree; a run of one subcommand (the usual case: an init container's no-op) needs
 * only that one, and building the others took about a sixth of such a run's start-up. So the subcommand named by the
 * first argument is the only one added; without one (root {@code --help}, a typo, no arguments) all are added, in
 * their declared order, and picocli answers exactly as with the whole tree.
 */
final class Subcommands {
    private final List<Class<?>> declared;
    private final Set<Class<?>> added = new LinkedHashSet<>();
    private final CommandLine root;

    private Subcommands(CommandLine root, List<Class<?>> declared) {
        this.root = root;
        this.declared = List.copyOf(declared);
    }

    /** Adds to {@code root} the subcommand the arguments name, or all of them when they name none. */
    static Subcommands addTo(CommandLine root, List<Class<?>> declared, String... args) {
        Subcommands subcommands = new Subcommands(root, declared);
        Class<?> named = args.length == 0 ? null : named(declared, args[0]);
        for (Class<?> type : named == null ? declared : List.of(named)) {
            root.addSubcommand(type);
            subcommands.added.add(type);
        }
        return subcommands;
    }

    /** The declared subcommand called {@code name} (or with that alias), or null. */
    static Class<?> named(List<Class<?>> declared, String name) {
        for (Class<?> type : declared) {
            Command command = type.getAnnotation(Command.class);
            if (command != null
                    && (command.name().equals(name)
                            || Arrays.asList(command.aliases()).contains(name))) {
                return type;
            }
        }
        return null;
    }

    /**
     * The root (with the subcommands it holds) and the subcommands this run left out, built now, standalone, outside
     * the parsed tree: for the questions about the whole tool, such as which variables any of its options reads. Costs
     * what the lazy tree saved, so callers ask only when the parsed tree could not answer.
     */
    List<CommandLine> all() {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (Class<?> type : declared) {
            if (!added.contains(type)) {
                all.add(new CommandLine(type));
            }
        }
        return all;
    }
}
