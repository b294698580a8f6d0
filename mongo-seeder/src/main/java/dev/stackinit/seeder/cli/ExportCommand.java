package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.SourceMongoOptions;
import dev.stackinit.seeder.ExportService.ExportReport;
import java.nio.file.Path;
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
    @Mixin
    SourceMongoOptions source;

    @Mixin
    SourcePasswordOptions sourcePassword;

    @Option(
            names = "--database",
            defaultValue = "__models__",
            description = "Database to export. Default: ${DEFAULT-VALUE}.")
    String database;

    @Mixin
    SeedDirOption seedDir;

    @Mixin
    NameFilterOptions names;

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
        Path directory = seedDir.required();
        String sourceUri = sourcePassword.apply(source.uri().orElseThrow(() -> Steps.missing("--source-uri")));
        ExportReport report = new Steps(root, spec.commandLine().getErr())
                .export(sourceUri, database, names.filter(), directory, run.waitTimeout());
        if (run.json()) {
            Reports.print(spec.commandLine().getOut(), report);
        } else {
            spec.commandLine().getOut().println(Reports.text(report, directory.toString()));
        }
        return 0;
    }
}
