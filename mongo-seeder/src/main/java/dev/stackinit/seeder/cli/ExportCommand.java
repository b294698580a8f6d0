package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.seeder.ExportService.ExportReport;
import dev.stackinit.seeder.NameFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** export: one database to diffable files for committing. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a database to diffable seed files for committing.",
            "Per collection <coll>.jsonl (canonical Extended JSON, one document per line, sorted by _id) and",
            "<coll>.metadata.json (options, indexes, view definition).",
            "Unchanged files are left untouched; files of collections that are gone are removed."
        })
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--source-uri", required = true, description = "Server to export from.")
    String sourceUri;

    @Mixin
    SourcePasswordOptions sourcePassword;

    @Option(
            names = "--database",
            defaultValue = "__models__",
            description = "Database to export. Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--seed-dir", required = true, description = "Directory to write.")
    Path seedDir;

    @Option(names = "--include", split = ",", description = "Only these collections (names, * wildcards).")
    List<String> include;

    @Option(names = "--exclude", split = ",", description = "Not these collections (names, * wildcards).")
    List<String> exclude;

    @Mixin
    RunOptions run;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    MongoSeederCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExportReport report = new Steps(root, spec.commandLine().getErr())
                .export(
                        sourcePassword.apply(sourceUri),
                        database,
                        new NameFilter(include, exclude),
                        seedDir,
                        run.waitTimeout);
        if (run.json) {
            Reports.print(spec.commandLine().getOut(), report);
        } else {
            spec.commandLine().getOut().println(Reports.text(report, seedDir.toString()));
        }
        return 0;
    }
}
