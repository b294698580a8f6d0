package dev.stackinit.seeder.cli;

import com.mongodb.ConnectionString;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import dev.stackinit.cli.Retry;
import dev.stackinit.cli.UsageException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.CloneService;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.Mode;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetInitializer;
import dev.stackinit.seeder.ReplicaSetRequest;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.io.SeedDirectorySource;
import dev.stackinit.seeder.io.SeedDirectoryWriter;
import dev.stackinit.seeder.mongo.DriverAdminPort;
import dev.stackinit.seeder.mongo.DriverSource;
import dev.stackinit.seeder.mongo.DriverTarget;
import dev.stackinit.seeder.mongo.MongoConnector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Wires adapters to the core for each step; shared by the single-step commands and init. */
final class Steps {
    /** Each rs-init attempt gives up quickly; the bounded retry around it decides how long to keep trying. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private final MongoSeederCommand root;
    private final PrintWriter err;

    Steps(MongoSeederCommand root, PrintWriter err) {
        this.root = root;
        this.err = err;
    }

    ReplicaSetResult rsInit(String targetUri, RsOptions rs, Duration waitTimeout) {
        ConnectionString uri = MongoConnector.parse(targetUri, "--target-uri");
        String masked = MongoConnector.mask(targetUri);
        String member = rs.memberHost != null ? rs.memberHost : hostAndPort(uri);
        ReplicaSetRequest request;
        try {
            request =
                    new ReplicaSetRequest(masked, rs.setName, member, rs.forceReconfig, waitTimeout, rs.primaryTimeout);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Retry.Listener listener = (attempt, next, cause) -> {
            if (attempt == 1 || attempt % 5 == 0) {
                err.println("waiting for " + masked + " (try " + attempt + "): " + cause.getMessage());
            }
        };
        Duration attempt = waitTimeout.compareTo(ATTEMPT_TIMEOUT) < 0 ? waitTimeout : ATTEMPT_TIMEOUT;
        try (MongoClient client = MongoConnector.openDirect(uri, attempt)) {
            return new ReplicaSetInitializer(new DriverAdminPort(client, masked), root.retry, root.clock, listener)
                    .initiate(request);
        }
    }

    CloneReport clone(String sourceUri, String targetUri, CopyOptions copy, Duration waitTimeout) {
        CloneRequest request = copy.request(Mode.REPLACE, null);
        ConnectionString source = MongoConnector.parse(sourceUri, "--source-uri");
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        ProgressPrinter progress = ProgressPrinter.create(root, err, "clone");
        try (MongoClient sourceClient = MongoConnector.open(source, waitTimeout, true);
                MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            return new CloneService(root.clock)
                    .copy(
                            request,
                            new DriverSource(
                                    sourceClient, MongoConnector.location(source), MongoConnector.mask(sourceUri)),
                            targetStore(targetClient, target, targetUri),
                            progress);
        } finally {
            progress.close();
        }
    }

    CloneReport importDirectory(Path directory, String targetUri, CopyOptions copy, Duration waitTimeout) {
        SeedDirectorySource source = SeedDirectorySource.open(directory);
        String database = copy.toDb != null ? copy.toDb : single(copy.databases);
        CloneRequest request = copy.request(Mode.IF_COMPLETE, List.of(database));
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        ProgressPrinter progress = ProgressPrinter.create(root, err, "import");
        try (MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            return new CloneService(root.clock)
                    .copy(request, source, targetStore(targetClient, target, targetUri), progress);
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

    private static DriverTarget targetStore(MongoClient client, ConnectionString uri, String raw) {
        return new DriverTarget(client, MongoConnector.location(uri), MongoConnector.mask(raw));
    }

    private static String single(List<String> databases) {
        if (databases.size() != 1) {
            throw new UsageException("import loads one directory into one database, got --database " + databases);
        }
        return databases.get(0);
    }

    private static String hostAndPort(ConnectionString uri) {
        ServerAddress address = new ServerAddress(uri.getHosts().get(0));
        return address.getHost() + ":" + address.getPort();
    }
}
