package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.CloneReport.CollectionReport;
import dev.stackinit.seeder.CloneReport.DatabaseReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Copies databases from a source (server, seed or dump directory, archive) into a target server. First a plan for
 * every database and the checks that need the target (index specs its version can build, time-series and system.js
 * support, document sizes): a refusal there leaves the target untouched. Then collections in parallel through staging
 * collections, views in dependency order, and a marker recording the completed copy. Whatever the source held and the
 * copy left behind is named in the report, and makes the copy fail ({@link IncompleteCopyException}) after the work.
 */
public final class CloneService {
    /** The smallest insert batch the memory budget cuts down to (a document larger than a batch still goes alone). */
    static final long MIN_BATCH_BYTES = 1024 * 1024;

    private final Clock clock;
    private final long memoryBudget;

    /** Batches as large as the request allows (tests, and callers that bound memory themselves). */
    public CloneService(Clock clock) {
        this(clock, 0);
    }

    /**
     * @param memoryBudget bytes of documents the copy may hold at once, read ahead or being written, over all the
     *     collections it copies in parallel; 0 for no bound beyond the request's batch size. With a bound, memory no
     *     longer depends on how big the database is, only on this number and the largest document.
     */
    public CloneService(Clock clock, long memoryBudget) {
        this.clock = clock;
        this.memoryBudget = memoryBudget;
    }

    /**
     * The batch size that keeps a copy within the budget: each of {@code workers} collections holds at most
     * {@link CollectionCopier#BATCHES_HELD} batches (queued, being filled, being written).
     */
    static long batchBytes(long requested, int workers, long memoryBudget) {
        if (memoryBudget <= 0) {
            return requested;
        }
        long share = memoryBudget / ((long) workers * CollectionCopier.BATCHES_HELD);
        return Math.max(MIN_BATCH_BYTES, Math.min(requested, share));
    }

    /** A database ready to copy: its selected specs with normalized indexes. */
    private record Plan(
            String sourceDb, String targetDb, List<CollectionSpec> specs, String fingerprint, boolean upToDate) {}

    public CloneReport copy(CloneRequest request, SourceStore source, TargetStore target, ProgressListener progress) {
        return copy(request, source, target, progress, List.of());
    }

    /** @param skipped what was left out before the copy (databases not selected, admin/config), for the report */
    public CloneReport copy(
            CloneRequest request,
            SourceStore source,
            TargetStore target,
            ProgressListener progress,
            List<Unrestored> skipped) {
        Instant start = clock.instant();
        List<Unrestored> notRestored = new ArrayList<>();
        List<Unrestored> left = new ArrayList<>(skipped);
        List<String> notes = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (String sourceDb : request.databases()) {
            plans.add(plan(request, source, target, sourceDb, notRestored, left, notes));
        }
        unrestorable(request, source, notRestored, left);
        for (Plan plan : plans) {
            if (!plan.upToDate()) {
                TargetChecks.check(request, source, target, plan.sourceDb(), plan.targetDb(), plan.specs());
            }
        }
        List<DatabaseReport> reports = new ArrayList<>();
        for (Plan plan : plans) {
            reports.add(copyDatabase(request, source, target, plan, progress));
        }
        CloneReport report = new CloneReport(
                reports, Duration.between(start, clock.instant()).toMillis() / 1000.0, notRestored, left, notes);
        if (!report.complete()) {
            throw new IncompleteCopyException(report);
        }
        return report;
    }

    /** What the source holds that no copy carries over: of the request's databases, or left out by its filter. */
    private static void unrestorable(
            CloneRequest request, SourceStore source, List<Unrestored> notRestored, List<Unrestored> left) {
        for (Unrestored found : source.unrestorable()) {
            // a database folder's items belong to the one database it is imported as (--database)
            Unrestored item = found.database().isEmpty()
                            && source.databases().isEmpty()
                            && request.databases().size() == 1
                    ? new Unrestored(request.databases().get(0), found.name(), found.kind(), found.reason())
                    : found;
            boolean ours = item.database().isEmpty()
                    || source.databases().isEmpty()
                    || request.databases().contains(item.database());
            if (ours && request.filter().accepts(item.name())) {
                notRestored.add(item);
            } else if (ours) {
                left.add(new Unrestored(item.database(), item.name(), item.kind(), "excluded: " + item.reason()));
            }
        }
    }

    /**
     * What {@link #copy} would do, reading both sides and writing nothing: per database, whether the target's marker
     * matches this source (then a copy in mode if-complete changes nothing) and how much it would write otherwise,
     * with what the copy would not carry over (which fails a real copy). Refuses what copy refuses before writing (the
     * same database on both sides, an empty source); the target's capability probes are left to the real run.
     */
    public List<CopyPlan> plan(CloneRequest request, SourceStore source, TargetStore target) {
        List<Unrestored> notRestored = new ArrayList<>();
        List<Unrestored> left = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (String sourceDb : request.databases()) {
            plans.add(plan(request, source, target, sourceDb, notRestored, left, notes));
        }
        unrestorable(request, source, notRestored, left);
        List<String> warnings = new ArrayList<>(notes);
        notRestored.forEach(item -> warnings.add("would not carry over " + item));
        List<CopyPlan> result = new ArrayList<>();
        for (Plan plan : plans) {
            long documents = 0;
            for (CollectionSpec spec : plan.specs()) {
                if (!spec.isView()) {
                    long estimate = source.estimatedCount(plan.sourceDb(), spec.name());
                    documents += request.sample() > 0 ? Math.min(estimate, request.sample()) : estimate;
                }
            }
            String reason = plan.upToDate()
                    ? "the recorded copy matches the source"
                    : request.mode() != Mode.IF_COMPLETE
                            ? "mode " + request.mode().label() + " copies on every run"
                            : staleness(target, plan.targetDb(), plan.fingerprint())
                                    .orElse("the recorded copy changed");
            result.add(new CopyPlan(
                    source.describe(),
                    plan.targetDb(),
                    plan.upToDate(),
                    reason,
                    plan.specs().size(),
                    documents,
                    result.isEmpty() ? warnings : List.of()));
        }
        return result;
    }

    private Plan plan(
            CloneRequest request,
            SourceStore source,
            TargetStore target,
            String sourceDb,
            List<Unrestored> notRestored,
            List<Unrestored> skipped,
            List<String> notes) {
        String targetDb = request.targetName(sourceDb);
        if (source.location().equals(target.location()) && sourceDb.equals(targetDb)) {
            throw new UsageException("source and target are the same database: " + sourceDb + " on " + target.describe()
                    + " (use --to-db or another --target-uri)");
        }
        List<CollectionSpec> all = source.collections(sourceDb);
        if (all.isEmpty()) {
            throw new InvalidInputException(
                    "source database '" + sourceDb + "' does not exist or is empty on " + source.describe());
        }
        List<CollectionSpec> selected = new ArrayList<>();
        for (CollectionSpec spec : all) {
            if (!request.filter().accepts(spec.name())) {
                skipped.add(new Unrestored(sourceDb, spec.name(), spec.isView() ? "view" : "collection", "excluded"));
                continue;
            }
            IndexSpecs.Normalized indexes = IndexSpecs.normalize(sourceDb, spec.name(), spec.indexes());
            notes.addAll(indexes.notes());
            notRestored.addAll(indexes.notRestored());
            selected.add(spec.withIndexes(indexes.specs()));
        }
        String fingerprint = fingerprint(source.location(), sourceDb, request);
        boolean upToDate = request.mode() == Mode.IF_COMPLETE && isComplete(target, targetDb, fingerprint);
        return new Plan(sourceDb, targetDb, selected, fingerprint, upToDate);
    }

    private DatabaseReport copyDatabase(
            CloneRequest request, SourceStore source, TargetStore target, Plan plan, ProgressListener progress) {
        String targetDb = plan.targetDb();
        if (plan.upToDate()) {
            return new DatabaseReport(source.describe(), targetDb, true, List.of(), List.of());
        }
        target.deleteMarker(targetDb); // from here on an interrupted copy must not look complete
        for (String name : target.collectionNames(targetDb)) {
            if (name.startsWith(MongoCommands.STAGING_PREFIX)) {
                target.drop(targetDb, name); // left by a killed run
            }
        }
        List<CollectionReport> collections =
                copyCollections(request, source, target, plan.sourceDb(), targetDb, progress, plan.specs());
        List<String> views = createViews(target, targetDb, plan.specs());
        Map<String, Long> counts = new HashMap<>();
        collections.forEach(c -> counts.put(c.name(), target.count(targetDb, c.name())));
        target.saveMarker(
                targetDb,
                new CloneMarker(plan.fingerprint(), source.describe(), counts, views, clock.instant()).toBson());
        return new DatabaseReport(source.describe(), targetDb, false, collections, views);
    }

    private List<CollectionReport> copyCollections(
            CloneRequest request,
            SourceStore source,
            TargetStore target,
            String sourceDb,
            String targetDb,
            ProgressListener progress,
            List<CollectionSpec> selected) {
        List<CollectionSpec> collections =
                selected.stream().filter(spec -> !spec.isView()).toList();
        if (collections.isEmpty()) {
            return List.of();
        }
        Map<String, Long> estimates = new HashMap<>();
        for (CollectionSpec spec : collections) {
            long estimate = source.estimatedCount(sourceDb, spec.name());
            estimates.put(spec.name(), request.sample() > 0 ? Math.min(estimate, request.sample()) : estimate);
        }
        int parallel = Math.min(request.parallelism(), collections.size());
        ExecutorService workers = Executors.newFixedThreadPool(parallel, daemon("copy"));
        ExecutorService readers = Executors.newCachedThreadPool(daemon("read"));
        try {
            CollectionCopier copier = new CollectionCopier(
                    source,
                    target,
                    readers,
                    progress,
                    clock,
                    batchBytes(request.batchBytes(), parallel, memoryBudget),
                    memoryBudget > 0 ? new ByteBudget(memoryBudget) : ByteBudget.unlimited());
            Map<String, Future<CollectionReport>> futures = new HashMap<>();
            collections.stream() // biggest first, so the last one to finish is a small one
                    .sorted(Comparator.comparing((CollectionSpec s) -> estimates.get(s.name()))
                            .reversed())
                    .forEach(spec -> futures.put(
                            spec.name(),
                            workers.submit(() -> copier.copy(
                                    sourceDb,
                                    targetDb,
                                    spec,
                                    request.mode(),
                                    request.sample(),
                                    estimates.get(spec.name())))));
            List<CollectionReport> reports = new ArrayList<>();
            for (CollectionSpec spec : collections) {
                reports.add(await(futures.get(spec.name())));
            }
            return reports;
        } finally {
            workers.shutdownNow();
            readers.shutdownNow();
        }
    }

    private static CollectionReport await(Future<CollectionReport> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    /** Views after their collections, and a view after the view it reads from. */
    private static List<String> createViews(TargetStore target, String targetDb, List<CollectionSpec> selected) {
        List<CollectionSpec> pending =
                new ArrayList<>(selected.stream().filter(CollectionSpec::isView).toList());
        List<String> created = new ArrayList<>();
        while (!pending.isEmpty()) {
            CollectionSpec next = pending.stream()
                    .filter(v ->
                            pending.stream().noneMatch(other -> other.name().equals(v.viewOn())))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("views depend on each other in a cycle: " + pending));
            target.drop(targetDb, next.name());
            target.command(targetDb, MongoCommands.create(next.name(), next.options()));
            created.add(next.name());
            pending.remove(next);
        }
        return created;
    }

    private static boolean isComplete(TargetStore target, String targetDb, String fingerprint) {
        return staleness(target, targetDb, fingerprint).isEmpty();
    }

    /** Why the target does not hold a completed copy of this source; empty when it does. */
    private static Optional<String> staleness(TargetStore target, String targetDb, String fingerprint) {
        Optional<CloneMarker> marker = target.findMarker(targetDb).map(CloneMarker::fromBson);
        if (marker.isEmpty()) {
            return Optional.of("no completed copy is recorded in " + targetDb);
        }
        if (!marker.get().fingerprint().equals(fingerprint)) {
            return Optional.of("the recorded copy (" + marker.get().source() + ") is of other content");
        }
        List<String> present = target.collectionNames(targetDb);
        if (!present.containsAll(marker.get().views())) {
            return Optional.of("a recorded view is missing");
        }
        for (Map.Entry<String, Long> recorded : marker.get().counts().entrySet()) {
            if (!present.contains(recorded.getKey())) {
                return Optional.of("recorded collection " + recorded.getKey() + " is missing");
            }
            long count = target.count(targetDb, recorded.getKey());
            if (count != recorded.getValue()) {
                return Optional.of(
                        recorded.getKey() + " holds " + count + " documents, the record says " + recorded.getValue());
            }
        }
        return Optional.empty();
    }

    static String fingerprint(String location, String sourceDb, CloneRequest request) {
        String identity = String.join(
                "\n",
                location,
                sourceDb,
                Long.toString(request.sample()),
                request.filter().include().toString(),
                request.filter().exclude().toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, "mongo-seeder-" + role);
            thread.setDaemon(true);
            return thread;
        };
    }
}
