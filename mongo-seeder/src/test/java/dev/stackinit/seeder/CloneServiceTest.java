package dev.stackinit.seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.errors.UsageException;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The clone plan at command level: exactly which create / createIndexes / renameCollection commands reach the target,
 * in which order. This is what mongo-java-server cannot show (it drops options, views and capped collections).
 */
class CloneServiceTest {
    private static final String VALIDATED =
            "{validator: {$jsonSchema: {required: ['name']}}, validationLevel: 'strict',"
                    + " validationAction: 'error', collation: {locale: 'fr', strength: 2}}";
    private final MutableClock clock = new MutableClock();
    private final RecordingTarget target = new RecordingTarget();
    private final FakeSource source = new FakeSource()
            .add(
                    "flows",
                    VALIDATED,
                    List.of(
                            "{v: 2, key: {_id: 1}, name: '_id_'}",
                            "{v: 2, key: {slug: 1}, name: 'slug_1', unique: true, ns: '__models__.flows'}",
                            "{v: 2, key: {owner: 1}, name: 'owner_1', partialFilterExpression: {owner: {$exists: true}}}"),
                    50)
            .add(
                    "events",
                    "{capped: true, size: 1048576, max: 1000}",
                    List.of("{v: 2, key: {at: 1}, name: 'at_1', expireAfterSeconds: 3600}"),
                    20)
            .view("active_flows", "flows", "[{$match: {active: true}}]")
            .view("recent_active", "active_flows", "[{$sort: {_id: -1}}, {$limit: 10}]");

    private CloneReport clone(Mode mode, String toDb, NameFilter filter, long sample) {
        CloneRequest request = new CloneRequest(
                List.of("__models__"), toDb, filter, sample, mode, 4, CloneRequest.DEFAULT_BATCH_BYTES);
        return new CloneService(clock).copy(request, source, target, ProgressListener.NONE);
    }

    private CloneReport clone(Mode mode) {
        return clone(mode, null, NameFilter.ALL, 0);
    }

    @Test
    void collectionsAreCreatedWithTheSourcesExactOptions() {
        clone(Mode.REPLACE);

        assertThat(target.commands)
                .contains(BsonDocument.parse("{create: '__seeder.staging.flows', " + VALIDATED.substring(1)))
                .contains(BsonDocument.parse(
                        "{create: '__seeder.staging.events', capped: true, size: 1048576, max: 1000}"));
    }

    @Test
    void viewsComeAfterEveryCollectionAndAfterTheViewTheyReadFrom() {
        clone(Mode.REPLACE);

        List<String> log = target.log;
        int lastRename = log.lastIndexOf(log.stream()
                .filter(l -> l.startsWith("renameCollection"))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(log.indexOf("create active_flows")).isGreaterThan(lastRename);
        assertThat(log.indexOf("create recent_active")).isGreaterThan(log.indexOf("create active_flows"));
        assertThat(target.commands)
                .contains(
                        BsonDocument.parse(
                                "{create: 'recent_active', viewOn: 'active_flows', pipeline: [{$sort: {_id: -1}}, {$limit: 10}]}"));
    }

    @Test
    void indexesComeAfterTheDataInOneCommandWithoutIdIndexOrNamespace() {
        clone(Mode.REPLACE);

        List<String> log = target.log;
        assertThat(log.indexOf("createIndexes __seeder.staging.flows"))
                .isGreaterThan(log.indexOf("insert __seeder.staging.flows 50"))
                .isLessThan(log.indexOf("renameCollection __models__.__seeder.staging.flows"));
        assertThat(target.commands)
                .filteredOn(c -> c.containsKey("createIndexes"))
                .hasSize(2)
                .contains(
                        BsonDocument.parse(
                                "{createIndexes: '__seeder.staging.flows', indexes: ["
                                        + "{v: 2, key: {slug: 1}, name: 'slug_1', unique: true},"
                                        + "{v: 2, key: {owner: 1}, name: 'owner_1', partialFilterExpression: {owner: {$exists: true}}}]}"));
    }

    @Test
    void renameIsSameDatabaseWithDropTargetSentToAdmin() {
        clone(Mode.REPLACE, "copy", NameFilter.ALL, 0);

        int at = target.commands.indexOf(BsonDocument.parse(
                "{renameCollection: 'copy.__seeder.staging.flows'," + " to: 'copy.flows', dropTarget: true}"));
        assertThat(at).isNotNegative();
        assertThat(target.commandDatabases.get(at)).isEqualTo("admin");
        assertThat(target.collections.get("flows")).hasSize(50);
    }

    @Test
    void markerIsWrittenLastAndIfCompleteSkipsASecondRun() {
        clone(Mode.IF_COMPLETE);
        assertThat(target.log.get(target.log.size() - 1)).isEqualTo("saveMarker");
        target.log.clear();

        CloneReport second = clone(Mode.IF_COMPLETE);

        assertThat(second.upToDate()).isTrue();
        assertThat(target.log).isEmpty();
    }

    @Test
    void ifCompleteCopiesAgainWhenTheRecordedCountsNoLongerHold() {
        clone(Mode.IF_COMPLETE);
        target.collections.get("flows").remove(0);

        CloneReport second = clone(Mode.IF_COMPLETE);

        assertThat(second.upToDate()).isFalse();
        assertThat(target.collections.get("flows")).hasSize(50);
    }

    @Test
    void aCopyKilledMidwayLeavesNoPartialCollectionAndTheRerunCompletesIt() {
        target.collections.put("flows", new java.util.ArrayList<>(source.documents.get("events"))); // old data
        source.add("big", "{}", List.of(), 20_000); // 5 MB: several batches
        target.failAfterInserts = 3;

        CloneRequest smallBatches =
                new CloneRequest(List.of("__models__"), null, NameFilter.ALL, 0, Mode.REPLACE, 4, 1024 * 1024);

        assertThatThrownBy(() -> new CloneService(clock).copy(smallBatches, source, target, ProgressListener.NONE))
                .isInstanceOf(UnreachableException.class);
        // whatever completed is whole; the rest is only in staging; old data is untouched
        assertThat(target.marker).isNull();
        assertThat(target.collections.getOrDefault("big", List.of())).isIn(List.of(), source.documents.get("big"));
        assertThat(target.collections.get("flows")).isIn(source.documents.get("events"), source.documents.get("flows"));

        target.failAfterInserts = Integer.MAX_VALUE;
        clone(Mode.IF_COMPLETE);

        assertThat(target.collections.get("big")).isEqualTo(source.documents.get("big"));
        assertThat(target.collections.get("flows")).isEqualTo(source.documents.get("flows"));
        assertThat(target.collectionNames("x")).noneMatch(n -> n.startsWith(MongoCommands.STAGING_PREFIX));
    }

    @Test
    void batchesAreCutByBytes() {
        source.add("big", "{}", List.of(), 20_000);
        CloneRequest request = new CloneRequest(
                List.of("__models__"), null, new NameFilter(List.of("big"), null), 0, Mode.REPLACE, 1, 1024 * 1024);

        new CloneService(clock).copy(request, source, target, ProgressListener.NONE);

        long bytes = source.documents.get("big").stream()
                .mapToLong(d -> d.getByteLength())
                .sum();
        assertThat(target.inserts.get()).isEqualTo((int) Math.ceil(bytes / (1024.0 * 1024)));
    }

    @Test
    void sameSourceAndTargetDatabaseIsRefused() {
        target.location = source.location;

        assertThatThrownBy(() -> clone(Mode.REPLACE))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("same database");
        assertThat(target.log).isEmpty();
        assertThat(clone(Mode.REPLACE, "__models_copy__", NameFilter.ALL, 0).documents())
                .isEqualTo(70);
    }

    @Test
    void missingSourceDatabaseIsInvalidInput() {
        CloneRequest request = new CloneRequest(
                List.of("missing"), null, NameFilter.ALL, 0, Mode.REPLACE, 4, CloneRequest.DEFAULT_BATCH_BYTES);

        assertThatThrownBy(() -> new CloneService(clock).copy(request, source, target, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'missing' does not exist");
    }

    @Test
    void includeExcludeAndSampleSelectWhatIsCopied() {
        CloneReport report = clone(Mode.REPLACE, null, new NameFilter(List.of("fl*", "ev*"), List.of("events")), 7);

        assertThat(target.collections.keySet()).containsExactly("flows").doesNotContain("events");
        assertThat(target.collections.get("flows")).hasSize(7);
        assertThat(report.documents()).isEqualTo(7);
    }

    @Test
    void upsertKeepsWhatIsThereAndReplacesById() {
        target.collections.put(
                "flows",
                new java.util.ArrayList<>(List.of(
                        org.bson.RawBsonDocument.parse("{_id: 1, name: 'stale'}"),
                        org.bson.RawBsonDocument.parse("{_id: 'local-only'}"))));

        clone(Mode.UPSERT);

        assertThat(target.collections.get("flows"))
                .hasSize(51)
                .contains(source.documents.get("flows").get(1))
                .contains(org.bson.RawBsonDocument.parse("{_id: 'local-only'}"));
        assertThat(target.log).noneMatch(l -> l.startsWith("drop flows") || l.contains("staging"));
    }

    @Test
    void timeseriesCollectionsAreRebuiltInPlaceBecauseTheyCannotBeRenamed() {
        source.specs.put(
                "metrics",
                new CollectionSpec(
                        "metrics",
                        "timeseries",
                        BsonDocument.parse("{timeseries: {timeField: 't', metaField: 'm', granularity: 'seconds'}}"),
                        List.of()));
        source.documents.put("metrics", List.of(org.bson.RawBsonDocument.parse("{_id: 1, t: {$date: 0}}")));

        clone(Mode.REPLACE);

        assertThat(target.commands)
                .contains(BsonDocument.parse(
                        "{create: 'metrics', timeseries: {timeField: 't', metaField: 'm', granularity: 'seconds'}}"));
        assertThat(target.log).noneMatch(l -> l.contains("staging.metrics"));
    }

    @Test
    void aDocumentOverTheTargetsLimitIsInvalidInput() {
        target.limits = new TargetStore.Limits(100, 48_000_000);

        assertThatThrownBy(() -> clone(Mode.REPLACE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("over the target's limit of 100 bytes");
        assertThat(target.collections.keySet()).noneMatch(n -> n.equals("flows") || n.equals("events"));
    }

    private List<CopyPlan> plan(Mode mode) {
        CloneRequest request = new CloneRequest(
                List.of("__models__"), null, NameFilter.ALL, 0, mode, 4, CloneRequest.DEFAULT_BATCH_BYTES);
        return new CloneService(clock).plan(request, source, target);
    }

    @Test
    void aPlanSaysWhatACopyWouldDoAndWritesNothing() {
        List<CopyPlan> before = plan(Mode.IF_COMPLETE);

        assertThat(before).singleElement().satisfies(p -> {
            assertThat(p.upToDate()).isFalse();
            assertThat(p.reason()).contains("no completed copy");
            assertThat(p.collections()).isEqualTo(4);
            assertThat(p.documents()).isEqualTo(70);
        });
        assertThat(target.log).isEmpty();
        assertThat(target.commands).isEmpty();

        clone(Mode.IF_COMPLETE);
        target.log.clear();
        assertThat(plan(Mode.IF_COMPLETE).get(0).upToDate()).isTrue();
        assertThat(plan(Mode.REPLACE).get(0)).satisfies(p -> {
            assertThat(p.upToDate()).isFalse();
            assertThat(p.reason()).contains("mode replace copies on every run");
        });

        target.collections.get("flows").remove(0);
        assertThat(plan(Mode.IF_COMPLETE).get(0).reason()).contains("flows holds 49 documents, the record says 50");
        assertThat(target.log).isEmpty();
    }
}
