package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.SourceMongoOptions;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.ExportService.ExportReport;
import dev.stackinit.seeder.SeedSink;
import dev.stackinit.seeder.io.ArchiveWriter;
import dev.stackinit.seeder.io.MongodumpDirectoryWriter;
import dev.stackinit.seeder.io.SeedDirectoryWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** export: one database to diffable seed files, mongodump's directory layout or a mongodump archive. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a database to files. Default (--format jsonl): diffable seed files for committing,",
            "<coll>.jsonl (canonical Extended JSON, one document per line, sorted by _id) and <coll>.metadata.json.",
            "--format mongodump: mongodump's layout, <seed-dir>/<db>/<coll>.bson + .metadata.json + prelude.json.",
            "--archive FILE: a mongodump archive. Names are escaped as mongodump does. The export is written next",
            "to the old one and swapped in when complete; a failed export leaves the previous one as it was."
        })
final class ExportCommand implements Callable<Integer> {
    @Mixin
    SourceMongoOptions source;

    @Mixin
    SourcePasswordOptions sourcePassword;

    @Mixin
    DatabasesOption database;

    @Mixin
    SeedDirOption seedDir;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "jsonl (seed files) or mongodump (mongodump's directory layout). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    ArchiveOptions archive;

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
        SeedSink sink = sink();
        String sourceUri = sourcePassword.apply(source.uri().orElseThrow(() -> Steps.missing("--source-uri")));
        ExportReport report = new Steps(root, spec.commandLine().getErr())
                .export(sourceUri, database.single("export"), names.filter(), sink, run.waitTimeout());
        String where = archive.archive != null
                ? archive.archive.toString()
                : seedDir.required().toString();
        if (run.json()) {
            Reports.print(spec.commandLine().getOut(), report);
        } else {
            spec.commandLine().getOut().println(Reports.text(report, where));
        }
        return 0;
    }

    private SeedSink sink() {
        if (seedDir.given().isPresent() == (archive.archive != null)) {
            throw new UsageException("give either --seed-dir or --archive");
        }
        boolean mongodump = switch (format) {
            case "mongodump" -> true;
            case "jsonl" -> false;
            default -> throw new UsageException("--format must be jsonl or mongodump, got '" + format + "'");
        };
        if (archive.archive != null) {
            return new ArchiveWriter(archive.archive, archive.gzip, Steps.toolVersion());
        }
        if (!mongodump && archive.gzip) {
            throw new UsageException("--gzip applies to --format mongodump and --archive, not to jsonl seed files");
        }
        Path directory = seedDir.required();
        return mongodump
                ? new MongodumpDirectoryWriter(directory, archive.gzip, Steps.toolVersion())
                : new SeedDirectoryWriter(directory);
    }
}
