package dev.stackinit.provision.steps;

import dev.stackinit.provision.ProvisionSettings;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import dev.stackinit.seeder.CloneReport;
import dev.stackinit.seeder.CloneRequest;
import dev.stackinit.seeder.CopyPlan;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.ReplicaSetResult;
import dev.stackinit.seeder.mongo.MongoConnector;
import dev.stackinit.seeder.mongo.SeederOperations;
import dev.stackinit.shared.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** mongo: replica-set initiation, then a clone from a source URI or an import of a seed directory (mongo-seeder's core). */
public final class MongoStep implements Step {
    private static final Duration PRIMARY_TIMEOUT = Duration.ofSeconds(60);

    private final ProvisionSettings.Mongo config;
    private final Clock clock;
    private final Consumer<String> progress;

    public MongoStep(ProvisionSettings.Mongo config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public StepOutcome run() {
        List<String> details = new ArrayList<>();
        boolean changed = false;
        if (config.replicaSet().isPresent()) {
            ReplicaSetResult rs = operations()
                    .rsInit(
                            config.uri(),
                            config.replicaSet().get(),
                            config.memberHost().orElse(null),
                            false,
                            config.waitTimeout(),
                            PRIMARY_TIMEOUT);
            changed |= rs.changed();
            details.add("replica set " + rs.setName() + " (" + rs.memberHost() + "): "
                    + rs.action().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        ProgressLines lines = new ProgressLines(progress);
        if (config.sourceUri().isPresent()) {
            CloneReport data =
                    operations().clone(config.sourceUri().get(), config.uri(), request(), config.waitTimeout(), lines);
            changed |= !data.upToDate();
            details.add(copied("clone", data));
            notUsedSeedDir().ifPresent(details::add);
        } else if (config.seedDir().isPresent()) {
            CloneReport data = operations()
                    .importDirectory(config.seedDir().get(), config.uri(), request(), config.waitTimeout(), lines);
            changed |= !data.upToDate();
            details.add(copied("import " + config.seedDirName(), data));
        } else {
            details.add("no source_uri and no seed_dir: no data step");
        }
        return StepOutcome.of(name(), changed ? StepStatus.DONE : StepStatus.UP_TO_DATE, details);
    }

    /**
     * Contacts every configured server and says what a run would do: the replica-set state, and whether the target's
     * copy marker matches the source (the seed folder's content hash, or the source server), changing nothing.
     */
    @Override
    public StepOutcome plan() {
        List<String> details = new ArrayList<>();
        boolean changes = false;
        if (config.replicaSet().isPresent()) {
            ReplicaSetResult rs = operations()
                    .planRsInit(
                            config.uri(),
                            config.replicaSet().get(),
                            config.memberHost().orElse(null),
                            false,
                            config.waitTimeout());
            changes |= rs.action() != ReplicaSetResult.Action.UNCHANGED;
            details.add("replica set " + rs.setName() + " (" + rs.memberHost() + ") on "
                    + MongoConnector.mask(config.uri()) + ": "
                    + switch (rs.action()) {
                        case UNCHANGED -> "already initiated, nothing to do";
                        case RECONFIGURED -> "would replace the member host";
                        default -> "would initiate";
                    });
        }
        List<CopyPlan> copies = List.of();
        String what = "";
        if (config.sourceUri().isPresent()) {
            copies = operations().planClone(config.sourceUri().get(), config.uri(), request(), config.waitTimeout());
            what = "clone from " + MongoConnector.mask(config.sourceUri().get());
            notUsedSeedDir().ifPresent(details::add);
        } else if (config.seedDir().isPresent()) {
            copies = operations().planImport(config.seedDir().get(), config.uri(), request(), config.waitTimeout());
            what = "import " + config.seedDirName();
        } else {
            details.add("no source_uri and no seed_dir: no data step");
        }
        for (CopyPlan copy : copies) {
            changes |= !copy.upToDate();
            details.add(what + " into " + copy.targetDatabase() + ": "
                    + (copy.upToDate()
                            ? "up to date (" + copy.reason() + ")"
                            : "would copy " + copy.collections() + " collection(s), " + copy.documents()
                                    + " document(s) (" + copy.reason() + ")"));
            copy.warnings().forEach(w -> details.add("warning: " + w));
        }
        return StepOutcome.of(name(), changes ? StepStatus.PLANNED : StepStatus.UP_TO_DATE, details);
    }

    private java.util.Optional<String> notUsedSeedDir() {
        return java.util.Optional.ofNullable(config.seedDirName())
                .map(dir -> "seed_dir " + dir + " not used: source_uri is set, so the data is cloned");
    }

    private static String copied(String what, CloneReport data) {
        return what + ": "
                + (data.upToDate()
                        ? "up to date"
                        : data.collections() + " collections, " + data.documents() + " documents, " + data.indexes()
                                + " indexes");
    }

    private SeederOperations operations() {
        return new SeederOperations(Retry.system(), clock, progress);
    }

    private CloneRequest request() {
        return new CloneRequest(
                config.databases(), null, NameFilter.ALL, 0, config.mode(), 4, CloneRequest.DEFAULT_BATCH_BYTES);
    }
}
