package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VerboseOption;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.IncompleteCopyException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** import: load a seed folder or a mongodump dump (database folder, dump root or archive). */
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
    @Mixin
    SeedDirOption seedDir;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    TargetMongoOptions target;

    @Mixin
    TargetPasswordOptions targetPassword;

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
        if (seedDir.given().isPresent() == (archive.archive != null)) {
            throw new UsageException("give either --seed-dir or --archive");
        }
        try {
            CloneReport report = new Steps(root, spec.commandLine().getErr())
                    .importDump(
                            seedDir.given().orElse(null),
                            archive.archive,
                            archive.gzip,
                            targetPassword.apply(target.uri()),
                            copy,
                            run.waitTimeout());
            return Reports.printCopy(spec.commandLine(), run.json(), "imported", report, null);
        } catch (IncompleteCopyException e) {
            return Reports.printCopy(spec.commandLine(), run.json(), "imported", e.report(), e);
        }
    }
}
