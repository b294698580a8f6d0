package dev.stackinit.provision.steps;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.stackinit.cli.InvalidInputException;
import dev.stackinit.cli.Retry;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.CloneService;
import dev.stackinit.seeder.Mode;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetInitializer;
import dev.stackinit.seeder.ReplicaSetRequest;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.SourceStore;
import dev.stackinit.seeder.io.SeedDirectorySource;
import dev.stackinit.seeder.mongo.DriverAdminPort;
import dev.stackinit.seeder.mongo.DriverSource;
import dev.stackinit.seeder.mongo.DriverTarget;
import dev.stackinit.seeder.mongo.MongoConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** mongo: replica-set initiation, then a clone from a source URI or an import of a seed directory (mongo-seeder's core). */
public final class MongoStep implements Step {
    private static final Duration PRIMARY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final List<String> DEFAULT_DATABASES = List.of("__models__");

    private final ProvisionConfig.Mongo config;
    private final Path base;
    private final Clock clock;
    private final Consumer<String> progress;

    public MongoStep(ProvisionConfig.Mongo config, Path base, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.base = base;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public StepOutcome run() {
        ConnectionString target = MongoConnector.parse(required(config.uri(), "uri"), "mongo.uri");
        List<String> details = new ArrayList<>();
        boolean changed = false;
        if (config.replicaSet() != null) {
            ReplicaSetResult rs = initiate(target);
            changed |= rs.changed();
            details.add("replica set " + rs.setName() + " (" + rs.memberHost() + "): "
                    + rs.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        CloneReport data = copyData(target);
        if (data == null) {
            details.add("no source_uri and no seed_dir: no data step");
        } else {
            changed |= !data.upToDate();
            details.add((config.sourceUri() != null ? "clone" : "import") + " into " + databases() + ": "
                    + (data.upToDate()
                            ? "up to date"
                            : data.collections() + " collections, " + data.documents() + " documents, " + data.indexes()
                                    + " indexes"));
        }
        return StepOutcome.of(name(), changed ? StepStatus.DONE : StepStatus.UP_TO_DATE, details);
    }

    @Override
    public StepOutcome plan() {
        List<String> details = new ArrayList<>();
        String masked = MongoConnector.mask(required(config.uri(), "uri"));
        if (config.replicaSet() != null) {
            details.add("would make " + masked + " replica set " + config.replicaSet() + " with member "
                    + memberHost(MongoConnector.parse(config.uri(), "mongo.uri")) + " unless it already is");
        }
        if (config.sourceUri() != null) {
            details.add("would clone " + databases() + " from " + MongoConnector.mask(config.sourceUri())
                    + " unless a completed clone of it is recorded");
        } else if (config.seedDir() != null) {
            details.add("would import " + config.seedDir() + " into " + databases()
                    + " unless the same content is recorded");
        }
        return StepOutcome.of(name(), StepStatus.PLANNED, details);
    }

    private ReplicaSetResult initiate(ConnectionString target) {
        String masked = MongoConnector.mask(config.uri());
        ReplicaSetRequest request = new ReplicaSetRequest(
                masked, config.replicaSet(), memberHost(target), false, waitTimeout(), PRIMARY_TIMEOUT);
        Retry.Listener listener = (attempt, next, cause) -> {
            if (attempt == 1 || attempt % 5 == 0) {
                progress.accept("waiting for " + masked + " (try " + attempt + ")");
            }
        };
        Duration attempt = waitTimeout().compareTo(ATTEMPT_TIMEOUT) < 0 ? waitTimeout() : ATTEMPT_TIMEOUT;
        try (MongoClient client = MongoConnector.openDirect(target, attempt)) {
            return new ReplicaSetInitializer(new DriverAdminPort(client, masked), Retry.system(), clock, listener)
                    .initiate(request);
        }
    }

    /** Clone when a source is configured, else import a seed directory, else nothing (null). */
    private CloneReport copyData(ConnectionString target) {
        if (config.sourceUri() == null && config.seedDir() == null) {
            return null;
        }
        Mode mode = config.mode() == null ? Mode.IF_COMPLETE : Mode.parse(config.mode());
        List<String> databases = databases();
        try (MongoClient targetClient = MongoConnector.open(target, waitTimeout(), false)) {
            DriverTarget sink =
                    new DriverTarget(targetClient, MongoConnector.location(target), MongoConnector.mask(config.uri()));
            if (config.sourceUri() == null) {
                SourceStore seed = SeedDirectorySource.open(base.resolve(config.seedDir()));
                CloneRequest request = request(List.of(databases.get(0)), mode);
                return new CloneService(clock).copy(request, seed, sink, new ProgressLines(progress));
            }
            ConnectionString source = MongoConnector.parse(config.sourceUri(), "mongo.source_uri");
            try (MongoClient sourceClient = MongoConnector.open(source, waitTimeout(), true)) {
                DriverSource from = new DriverSource(
                        sourceClient, MongoConnector.location(source), MongoConnector.mask(config.sourceUri()));
                return new CloneService(clock).copy(request(databases, mode), from, sink, new ProgressLines(progress));
            }
        }
    }

    private static CloneRequest request(List<String> databases, Mode mode) {
        return new CloneRequest(databases, null, NameFilter.ALL, 0, mode, 4, CloneRequest.DEFAULT_BATCH_BYTES);
    }

    private List<String> databases() {
        return config.databases() == null || config.databases().isEmpty() ? DEFAULT_DATABASES : config.databases();
    }

    private String memberHost(ConnectionString target) {
        if (config.memberHost() != null) {
            return config.memberHost();
        }
        String host = target.getHosts().get(0);
        return host.contains(":") ? host : host + ":27017";
    }

    private Duration waitTimeout() {
        return Duration.ofSeconds(config.waitTimeoutSeconds() == null ? 60 : config.waitTimeoutSeconds());
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("mongo: " + key + " is required");
        }
        return value;
    }
}
