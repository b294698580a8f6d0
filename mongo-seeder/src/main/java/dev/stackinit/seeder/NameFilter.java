package dev.stackinit.seeder;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** --include / --exclude collection names; {@code *} matches any run of characters. */
public record NameFilter(List<String> include, List<String> exclude) {
    public static final NameFilter ALL = new NameFilter(List.of(), List.of());

    public NameFilter {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public boolean accepts(String name) {
        boolean included = include.isEmpty() || include.stream().anyMatch(glob -> matches(glob, name));
        return included && exclude.stream().noneMatch(glob -> matches(glob, name));
    }

    private static boolean matches(String glob, String name) {
        String regex = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return name.matches(regex);
    }
}
