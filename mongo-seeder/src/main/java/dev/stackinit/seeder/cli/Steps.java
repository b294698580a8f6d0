package dev.stackinit.seeder.cli;

import dev.stackinit.cli.VersionProvider;
import dev.stackinit.seeder.AppUser;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.Mode;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.SeedSink;
import dev.stackinit.seeder.io.DumpSource;
import dev.stackinit.seeder.mongo.SeederOperations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Wires adapters to the core for each step; shared by the single-step commands and init. */
final class Steps {
    private final MongoSeederCommand root;
    private final PrintWriter err;
    private final SeederOperations operations;

    Steps(MongoSeederCommand root, PrintWriter err) {
        this.root = root;
        this.err = err;
        this.operations = new SeederOperations(root.retry, root.clock, err::println);
    }

    ReplicaSetResult rsInit(String targetUri, RsOptions rs, Optional<AppUser> app, Duration waitTimeout) {
        return operations.rsInit(
                targetUri, rs.setName, rs.memberHost, rs.forceReconfig, waitTimeout, rs.primaryTimeout, app);
    }

    CloneReport clone(String sourceUri, String targetUri, CopyOptions copy, Duration waitTimeout) {
        CloneRequest request = copy.request(Mode.REPLACE, null);
        ProgressPrinter progress = ProgressPrinter.create(root, err, "clone");
        try {
            return operations.clone(sourceUri, targetUri, request, waitTimeout, progress);
        } finally {
            progress.close();
        }
    }

    /** A seed folder, a mongodump database folder or dump root ({@code directory}), or an archive. */
    CloneReport importDump(
            Path directory, Path archive, boolean gzip, String targetUri, CopyOptions copy, Duration waitTimeout) {
        Supplier<DumpSource> opener = archive != null
                ? () -> DumpSource.openArchive(archive, gzip)
                : () -> DumpSource.openDirectory(directory);
        CloneRequest request = copy.request(Mode.IF_COMPLETE, null);
        ProgressPrinter progress = ProgressPrinter.create(root, err, "import");
        try {
            return operations.importDump(opener, targetUri, request, copy.databasesGiven(), waitTimeout, progress);
        } finally {
            progress.close();
        }
    }

    ExportService.ExportReport export(
            String sourceUri, String database, NameFilter filter, SeedSink sink, Duration waitTimeout) {
        return operations.export(sourceUri, database, filter, sink, waitTimeout);
    }

    /** "mongo-seeder <version>", for the tool_version and ToolVersion fields of what export writes. */
    static String toolVersion() {
        return "mongo-seeder " + VersionProvider.projectVersion();
    }

    static dev.stackinit.errors.UsageException missing(String option) {
        return new dev.stackinit.errors.UsageException("give " + option + " or set MONGO_SEEDER_"
                + option.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }
}
