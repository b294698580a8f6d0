package dev.stackinit.provision.steps;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.provision.ProvisionConfig;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.Mode;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.mongo.MongoConnector;
import dev.stackinit.seeder.mongo.SeederOperations;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** mongo: replica-set initiation, then a clone from a source URI or an import of a seed directory (mongo-seeder's core). */
public final class MongoStep implements Step {
    private static final Duration PRIMARY_TIMEOUT = Duration.ofSeconds(60);
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
        required(config.uri(), "uri");
        List<String> details = new ArrayList<>();
        boolean changed = false;
        if (config.replicaSet() != null) {
            ReplicaSetResult rs = initiate();
            changed |= rs.changed();
            details.add("replica set " + rs.setName() + " (" + rs.memberHost() + "): "
                    + rs.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        CloneReport data = copyData();
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
                    + (config.memberHost() != null ? config.memberHost() : "its own host:port")
                    + " unless it already is");
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

    private ReplicaSetResult initiate() {
        return operations()
                .rsInit(config.uri(), config.replicaSet(), config.memberHost(), false, waitTimeout(), PRIMARY_TIMEOUT);
    }

    /** Clone when a source is configured, else import a seed directory, else nothing (null). */
    private CloneReport copyData() {
        if (config.sourceUri() == null && config.seedDir() == null) {
            return null;
        }
        Mode mode = mode();
        ProgressLines lines = new ProgressLines(progress);
        if (config.sourceUri() == null) {
            return operations()
                    .importDirectory(
                            base.resolve(config.seedDir()),
                            config.uri(),
                            request(List.of(databases().get(0)), mode),
                            waitTimeout(),
                            lines);
        }
        return operations().clone(config.sourceUri(), config.uri(), request(databases(), mode), waitTimeout(), lines);
    }

    private SeederOperations operations() {
        return new SeederOperations(Retry.system(), clock, progress);
    }

    private Mode mode() {
        try {
            return config.mode() == null ? Mode.IF_COMPLETE : Mode.parse(config.mode());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "mongo: mode must be replace, if-complete or upsert, got '" + config.mode() + "'");
        }
    }

    private static CloneRequest request(List<String> databases, Mode mode) {
        return new CloneRequest(databases, null, NameFilter.ALL, 0, mode, 4, CloneRequest.DEFAULT_BATCH_BYTES);
    }

    private List<String> databases() {
        return config.databases() == null || config.databases().isEmpty() ? DEFAULT_DATABASES : config.databases();
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
