package dev.stackinit.seeder.cli;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.AppUser;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.Mode;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.io.SeedDirectoryWriter;
import dev.stackinit.seeder.mongo.DriverSource;
import dev.stackinit.seeder.mongo.MongoConnector;
import dev.stackinit.seeder.mongo.SeederOperations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    CloneReport importDirectory(Path directory, String targetUri, CopyOptions copy, Duration waitTimeout) {
        String database = copy.toDb != null ? copy.toDb : single(copy.databases);
        CloneRequest request = copy.request(Mode.IF_COMPLETE, List.of(database));
        ProgressPrinter progress = ProgressPrinter.create(root, err, "import");
        try {
            return operations.importDirectory(directory, targetUri, request, waitTimeout, progress);
        } finally {
            progress.close();
        }
    }

    ExportService.ExportReport export(
            String sourceUri, String database, NameFilter filter, Path directory, Duration waitTimeout) {
        ConnectionString source = MongoConnector.parse(sourceUri, "--source-uri");
        try (MongoClient client = MongoConnector.open(source, waitTimeout, true)) {
            return new ExportService()
                    .export(
                            new DriverSource(client, MongoConnector.location(source), MongoConnector.mask(sourceUri)),
                            database,
                            filter,
                            new SeedDirectoryWriter(directory));
        }
    }

    static dev.stackinit.errors.UsageException missing(String option) {
        return new dev.stackinit.errors.UsageException("give " + option + " or set MONGO_SEEDER_"
                + option.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }

    private static String single(List<String> databases) {
        if (databases.size() != 1) {
            throw new UsageException("import loads one directory into one database, got --database " + databases);
        }
        return databases.get(0);
    }
}
