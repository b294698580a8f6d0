package dev.stackinit.cli.options;

import dev.stackinit.cli.EnvDefaultProvider;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --url-rewrite FROM=>TO}: webhook URL prefixes rewritten, e.g. production's host to the local service name. */
public final class UrlRewriteOption {
    @Option(
            names = "--url-rewrite",
            split = ",",
            paramLabel = "FROM=>TO",
            description =
                    "Rewrite webhook URL prefixes (repeatable), e.g. https://api.example.com=>http://stackend:8000.")
    List<String> rewrites = new ArrayList<>();

    /** The old spelling, still accepted. */
    @Option(
            names = "--rewrite-url",
            split = ",",
            hidden = true,
            paramLabel = "FROM=>TO",
            descriptionKey = EnvDefaultProvider.OLD_SPELLING_OF + "--url-rewrite")
    void oldSpelling(List<String> more) {
        // a list of its own: picocli starts the main option's list afresh when that option is first matched
        oldSpelling.addAll(more);
    }

    private final List<String> oldSpelling = new ArrayList<>();

    private List<String> all() {
        List<String> all = new ArrayList<>(rewrites);
        all.addAll(oldSpelling);
        return all;
    }

    public List<String> rules() {
        return List.copyOf(all());
    }
}
