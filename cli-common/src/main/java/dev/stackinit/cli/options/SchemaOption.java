package dev.stackinit.cli.options;

import dev.stackinit.cli.EnvDefaultProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --schema NAME}: the PostgreSQL schemas a command works on (repeatable). */
public final class SchemaOption {
    @Option(
            names = "--schema",
            split = ",",
            paramLabel = "NAME",
            description = "Schema to work on (repeatable or comma-separated). Default: the command's own (see above).")
    List<String> schemas = new ArrayList<>();

    /** The old plural spelling, still accepted. */
    @Option(
            names = "--schemas",
            split = ",",
            hidden = true,
            paramLabel = "NAME",
            descriptionKey = EnvDefaultProvider.OLD_SPELLING_OF + "--schema")
    void oldSpelling(List<String> more) {
        // a list of its own: picocli starts the main option's list afresh when that option is first matched
        oldSpelling.addAll(more);
    }

    private final List<String> oldSpelling = new ArrayList<>();

    private List<String> all() {
        List<String> all = new ArrayList<>(schemas);
        all.addAll(oldSpelling);
        return all;
    }

    /** The schemas given, or the fallback when none was. */
    public List<String> orElse(List<String> fallback) {
        List<String> all = all();
        return all.isEmpty() ? List.copyOf(fallback) : List.copyOf(all);
    }
}
