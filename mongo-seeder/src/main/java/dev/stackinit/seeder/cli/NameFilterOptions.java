package dev.stackinit.seeder.cli;

import dev.stackinit.seeder.NameFilter;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --include}/{@code --exclude}: which collections a command copies, exports or imports. */
final class NameFilterOptions {
    @Option(names = "--include", split = ",", description = "Only these collections (names, * wildcards).")
    List<String> include;

    @Option(
            names = "--exclude",
            split = ",",
            description =
                    "Not these collections (names, * wildcards); what is excluded is not reported as left" + " behind.")
    List<String> exclude;

    NameFilter filter() {
        return new NameFilter(include, exclude);
    }
}
