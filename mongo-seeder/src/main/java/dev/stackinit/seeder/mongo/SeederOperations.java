package dev.stackinit.seeder.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.AppUser;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.CloneService;
import dev.stackinit.seeder.CopyPlan;
import dev.stackinit.seeder.Credentials;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.ImportSelection;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ProgressListener;
import dev.stackinit.seeder.ReplicaSetInitializer;
import dev.stackinit.seeder.ReplicaSetRequest;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.SeedSink;
import dev.stackinit.seeder.TargetStore;
import dev.stackinit.seeder.io.DumpSource;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The use cases wired to the driver: what mongo-seeder's commands run, and what stack-init's mongo step runs in-process,
 * so both initiate and copy the same way.
 */
public final class SeederOperations {
    /** Each rs-init attempt gives up quickly; the bounded retry around it decides how long to keep trying. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The part of the heap a copy's documents may take (read ahead or being written); the rest is for the driver's
     * cursor replies (up to 16 MB each) and encoding buffers, and for the collector's headroom. With the launcher's
     * -Xmx192m that is 48 MB: memory stays flat however big the database is.
     */
    private static final int HEAP_SHARE = 4;

    private final Retry retry;
    private final Clock clock;
    private final Consumer<String> messages;

    /** @param messages waiting lines, for stderr */
    public SeederOperations(Retry retry, Clock clock, Consumer<String> messages) {
        this.retry = retry;
        this.clock = clock;
        this.messages = messages;
    }

    /** @param memberHost host:port the member is registered under, or null for the URI's own host and port */
    public ReplicaSetResult rsInit(
            String targetUri,
            String setName,
            String memberHost,
            boolean forceReconfig,
            Duration waitTimeout,
            Duration primaryTimeout) {
        return rsInit(targetUri, setName, memberHost, forceReconfig, waitTimeout, primaryTimeout, Optional.empty());
    }

    /**
     * @param targetUri the mongod; the user it names (with its password) is the root user rs-init authenticates as,
     *     and creates through the localhost exception on a node without users
     * @param app the app user to keep, if any
     */
    public ReplicaSetResult rsInit(
            String targetUri,
            String setName,
            String memberHost,
            boolean forceReconfig,
            Duration waitTimeout,
            Duration primaryTimeout,
            Optional<AppUser> app) {
        return replicaSet(targetUri, setName, memberHost, forceReconfig, waitTimeout, primaryTimeout, app, true);
    }

    /** What {@link #rsInit} would do, changing nothing (its action: initiated, reconfigured or unchanged). */
    public ReplicaSetResult planRsInit(
            String targetUri, String setName, String memberHost, boolean forceReconfig, Duration waitTimeout) {
        return replicaSet(
                targetUri, setName, memberHost, forceReconfig, waitTimeout, waitTimeout, Optional.empty(), false);
    }

    private ReplicaSetResult replicaSet(
            String targetUri,
            String setName,
            String memberHost,
            boolean forceReconfig,
            Duration waitTimeout,
            Duration primaryTimeout,
            Optional<AppUser> app,
            boolean apply) {
        ConnectionString uri = MongoConnector.parse(targetUri, "--target-uri");
        String masked = MongoConnector.mask(targetUri);
        String member = memberHost != null ? memberHost : hostAndPort(uri);
        ReplicaSetRequest request;
        try {
            request = new ReplicaSetRequest(
                    masked, setName, member, forceReconfig, waitTimeout, primaryTimeout, root(uri), app);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Retry.Listener listener = (attempt, next, cause) -> {
            if (attempt == 1 || attempt % 5 == 0) {
                messages.accept(Retry.waitingLine(masked, attempt, next, cause));
            }
        };
        Duration attempt = waitTimeout.compareTo(ATTEMPT_TIMEOUT) < 0 ? waitTimeout : ATTEMPT_TIMEOUT;
        ConnectionString anonymous = MongoConnector.parse(UriCredentials.withoutUserInfo(targetUri), "--target-uri");
        try (DriverAdminConnector connector = new DriverAdminConnector(anonymous, masked, attempt)) {
            ReplicaSetInitializer initializer = new ReplicaSetInitializer(connector, retry, clock, listener);
            return apply ? initializer.initiate(request) : initializer.plan(request);
        }
    }

    /** The URI's user is the root user: SCRAM only (rs-init creates it with a password). */
    private static Optional<Credentials> root(ConnectionString uri) {
        MongoCredential credential = uri.getCredential();
        if (credential == null) {
            return Optional.empty();
        }
        if (credential.getPassword() == null) {
            throw new UsageException("rs-init authenticates with a user and a password (SCRAM); --target-uri asks for "
                    + credential.getMechanism());
        }
        return Optional.of(new Credentials(
                credential.getUserName(), new String(credential.getPassword()), credential.getSource()));
    }

    public CloneReport clone(
            String sourceUri, String targetUri, CloneRequest request, Duration waitTimeout, ProgressListener progress) {
        return withServers(
                sourceUri,
                targetUri,
                waitTimeout,
                (from, to) -> new CloneService(clock, memoryBudget()).copy(request, from, to, progress));
    }

    /** What {@link #clone} would do, reading both servers and writing nothing. */
    public List<CopyPlan> planClone(String sourceUri, String targetUri, CloneRequest request, Duration waitTimeout) {
        return withServers(
                sourceUri, targetUri, waitTimeout, (from, to) -> new CloneService(clock).plan(request, from, to));
    }

    /** Opens the source (secondary preferred) and the target, and closes both after the work. */
    private <T> T withServers(
            String sourceUri, String targetUri, Duration waitTimeout, BiFunction<DriverSource, DriverTarget, T> work) {
        ConnectionString source = MongoConnector.parse(sourceUri, "--source-uri");
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        try (MongoClient sourceClient = MongoConnector.open(source, waitTimeout, true);
                MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            DriverSource from =
                    new DriverSource(sourceClient, MongoConnector.location(source), MongoConnector.mask(sourceUri));
            return work.apply(from, targetStore(targetClient, target, targetUri));
        }
    }

    /**
     * Imports a seed folder, a mongodump database folder or a dump root; the request's databases are the ones asked
     * for (the single folder's target name, or the databases to take from a root).
     */
    public CloneReport importDirectory(
            Path directory, String targetUri, CloneRequest request, Duration waitTimeout, ProgressListener progress) {
        return importDump(() -> DumpSource.openDirectory(directory), targetUri, request, true, waitTimeout, progress);
    }

    /**
     * Imports a dump: every byte is checked (opening the source) before the target is connected to, then the
     * databases are selected ({@link ImportSelection}) and copied.
     *
     * @param databasesGiven false when --database was not given: a dump root or archive then imports all it holds
     */
    public CloneReport importDump(
            Supplier<DumpSource> opener,
            String targetUri,
            CloneRequest request,
            boolean databasesGiven,
            Duration waitTimeout,
            ProgressListener progress) {
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        try (DumpSource source = opener.get();
                MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            return copyDump(source, targetStore(targetClient, target, targetUri), request, databasesGiven, progress);
        }
    }

    /** The same import into any target store (a fake in tests): the dump is opened, and so checked, first. */
    public CloneReport importDump(
            Supplier<DumpSource> opener,
            TargetStore target,
            CloneRequest request,
            boolean databasesGiven,
            ProgressListener progress) {
        try (DumpSource source = opener.get()) {
            return copyDump(source, target, request, databasesGiven, progress);
        }
    }

    private CloneReport copyDump(
            DumpSource source,
            TargetStore target,
            CloneRequest request,
            boolean databasesGiven,
            ProgressListener progress) {
        ImportSelection selection = select(source, request, databasesGiven);
        CloneRequest selected = request.withDatabases(selection.databases(), selection.toDb());
        return new CloneService(clock, memoryBudget()).copy(selected, source, target, progress, selection.skipped());
    }

    /** What {@link #importDirectory} would do: every file checked, the target read, nothing written. */
    public List<CopyPlan> planImport(Path directory, String targetUri, CloneRequest request, Duration waitTimeout) {
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        try (DumpSource source = DumpSource.openDirectory(directory);
                MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            ImportSelection selection = select(source, request, true);
            return new CloneService(clock)
                    .plan(
                            request.withDatabases(selection.databases(), selection.toDb()),
                            source,
                            targetStore(targetClient, target, targetUri));
        }
    }

    /** The databases an import takes from the dump, its notes and choices said on the way. */
    private ImportSelection select(DumpSource source, CloneRequest request, boolean databasesGiven) {
        source.notes().forEach(messages);
        ImportSelection selection = ImportSelection.resolve(
                source.databases(),
                databasesGiven ? request.databases() : null,
                request.toDb(),
                request.databases().get(0));
        selection.messages().forEach(messages);
        return selection;
    }

    /** Exports one database to our seed folder, mongodump's directory layout or a mongodump archive. */
    public ExportService.ExportReport export(
            String sourceUri, String database, NameFilter filter, SeedSink sink, Duration waitTimeout) {
        ConnectionString source = MongoConnector.parse(sourceUri, "--source-uri");
        try (MongoClient client = MongoConnector.open(source, waitTimeout, true)) {
            return new ExportService()
                    .export(
                            new DriverSource(client, MongoConnector.location(source), MongoConnector.mask(sourceUri)),
                            database,
                            filter,
                            sink);
        }
    }

    private static long memoryBudget() {
        return Runtime.getRuntime().maxMemory() / HEAP_SHARE;
    }

    static DriverTarget targetStore(MongoClient client, ConnectionString uri, String raw) {
        return new DriverTarget(client, MongoConnector.location(uri), MongoConnector.mask(raw));
    }

    private static String hostAndPort(ConnectionString uri) {
        ServerAddress address = new ServerAddress(uri.getHosts().get(0));
        return address.getHost() + ":" + address.getPort();
    }
}
