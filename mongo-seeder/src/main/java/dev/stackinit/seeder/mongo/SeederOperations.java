package dev.stackinit.seeder.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.CloneService;
import dev.stackinit.seeder.CopyPlan;
import dev.stackinit.seeder.ProgressListener;
import dev.stackinit.seeder.ReplicaSetInitializer;
import dev.stackinit.seeder.ReplicaSetRequest;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.io.SeedDirectorySource;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The use cases wired to the driver: what mongo-seeder's commands run, and what stack-init's mongo step runs in-process,
 * so both initiate and copy the same way.
 */
public final class SeederOperations {
    /** Each rs-init attempt gives up quickly; the bounded retry around it decides how long to keep trying. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

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
        return replicaSet(targetUri, setName, memberHost, forceReconfig, waitTimeout, primaryTimeout, true);
    }

    /** What {@link #rsInit} would do, changing nothing (its action: initiated, reconfigured or unchanged). */
    public ReplicaSetResult planRsInit(
            String targetUri, String setName, String memberHost, boolean forceReconfig, Duration waitTimeout) {
        return replicaSet(targetUri, setName, memberHost, forceReconfig, waitTimeout, waitTimeout, false);
    }

    private ReplicaSetResult replicaSet(
            String targetUri,
            String setName,
            String memberHost,
            boolean forceReconfig,
            Duration waitTimeout,
            Duration primaryTimeout,
            boolean apply) {
        ConnectionString uri = MongoConnector.parse(targetUri, "--target-uri");
        String masked = MongoConnector.mask(targetUri);
        String member = memberHost != null ? memberHost : hostAndPort(uri);
        ReplicaSetRequest request;
        try {
            request = new ReplicaSetRequest(masked, setName, member, forceReconfig, waitTimeout, primaryTimeout);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Retry.Listener listener = (attempt, next, cause) -> {
            if (attempt == 1 || attempt % 5 == 0) {
                messages.accept("waiting for " + masked + " (try " + attempt + "): " + cause.getMessage());
            }
        };
        Duration attempt = waitTimeout.compareTo(ATTEMPT_TIMEOUT) < 0 ? waitTimeout : ATTEMPT_TIMEOUT;
        try (MongoClient client = MongoConnector.openDirect(uri, attempt)) {
            ReplicaSetInitializer initializer =
                    new ReplicaSetInitializer(new DriverAdminPort(client, masked), retry, clock, listener);
            return apply ? initializer.initiate(request) : initializer.plan(request);
        }
    }

    public CloneReport clone(
            String sourceUri, String targetUri, CloneRequest request, Duration waitTimeout, ProgressListener progress) {
        return withServers(
                sourceUri,
                targetUri,
                waitTimeout,
                (from, to) -> new CloneService(clock).copy(request, from, to, progress));
    }

    public CloneReport importDirectory(
            Path directory, String targetUri, CloneRequest request, Duration waitTimeout, ProgressListener progress) {
        SeedDirectorySource source = SeedDirectorySource.open(directory);
        return withTarget(targetUri, waitTimeout, to -> new CloneService(clock).copy(request, source, to, progress));
    }

    /** What {@link #clone} would do, reading both servers and writing nothing. */
    public List<CopyPlan> planClone(String sourceUri, String targetUri, CloneRequest request, Duration waitTimeout) {
        return withServers(
                sourceUri, targetUri, waitTimeout, (from, to) -> new CloneService(clock).plan(request, from, to));
    }

    /** Opens the source (secondary preferred) and the target, and closes both after the work. */
    private <T> T withServers(
            String sourceUri,
            String targetUri,
            Duration waitTimeout,
            java.util.function.BiFunction<DriverSource, DriverTarget, T> work) {
        ConnectionString source = MongoConnector.parse(sourceUri, "--source-uri");
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        try (MongoClient sourceClient = MongoConnector.open(source, waitTimeout, true);
                MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            DriverSource from =
                    new DriverSource(sourceClient, MongoConnector.location(source), MongoConnector.mask(sourceUri));
            return work.apply(from, targetStore(targetClient, target, targetUri));
        }
    }

    /** What {@link #importDirectory} would do: every file validated and hashed, the target read, nothing written. */
    public List<CopyPlan> planImport(Path directory, String targetUri, CloneRequest request, Duration waitTimeout) {
        SeedDirectorySource source = SeedDirectorySource.open(directory);
        return withTarget(targetUri, waitTimeout, to -> new CloneService(clock).plan(request, source, to));
    }

    private <T> T withTarget(
            String targetUri, Duration waitTimeout, java.util.function.Function<DriverTarget, T> work) {
        ConnectionString target = MongoConnector.parse(targetUri, "--target-uri");
        try (MongoClient targetClient = MongoConnector.open(target, waitTimeout, false)) {
            return work.apply(targetStore(targetClient, target, targetUri));
        }
    }

    static DriverTarget targetStore(MongoClient client, ConnectionString uri, String raw) {
        return new DriverTarget(client, MongoConnector.location(uri), MongoConnector.mask(raw));
    }

    private static String hostAndPort(ConnectionString uri) {
        ServerAddress address = new ServerAddress(uri.getHosts().get(0));
        return address.getHost() + ":" + address.getPort();
    }
}
