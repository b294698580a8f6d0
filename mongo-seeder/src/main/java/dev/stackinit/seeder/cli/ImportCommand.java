package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.IncompleteCopyException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** import: load a seed folder, a mongodump dump (folder, root or archive) into databases. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Load export's seed files or mongodump's output into the target: a seed folder or database folder",
            "(--database names the target database), a dump root (--database picks databases, default all but",
            "admin/config/local), or an archive (--archive FILE, gzip detected). Every byte is checked first:",
            "a corrupt or duplicate-_id dump exits 3 with the target untouched. The content hash is recorded:",
            "an unchanged dump is skipped with mode if-complete (the default). Whatever the dump holds that",
            "is not restored is named; the exit is 3 unless --exclude names it."
        })
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--seed-dir", description = "The directory to load (seed folder, database folder or dump root).")
    Path seedDir;

    @Mixin
    ArchiveOptions archive;

    @Option(
            names = "--target-uri",
            defaultValue = "mongodb://localhost:27017",
            description = "Server to load into. Default: ${DEFAULT-VALUE}.")
    String targetUri;

    @Mixin
    RunOptions run;

    @Mixin
    CopyOptions copy;

    @Mixin
    VerboseOption verbose;

    @ParentCommand
    MongoSeederCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((seedDir == null) == (archive.archive == null)) {
            throw new UsageException("give either --seed-dir or --archive");
        }
        try {
            CloneReport report = new Steps(root, spec.commandLine().getErr())
                    .importDump(seedDir, archive.archive, archive.gzip, targetUri, copy, run.waitTimeout);
            Reports.printCopy(spec.commandLine(), run.json, "imported", report, null);
            return 0;
        } catch (IncompleteCopyException e) {
            return Reports.printCopy(spec.commandLine(), run.json, "imported", e.report(), e);
        }
    }
}
