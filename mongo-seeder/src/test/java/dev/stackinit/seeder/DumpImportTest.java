package dev.stackinit.seeder;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static dev.stackinit.seeder.DumpBuilder.concat;
import static dev.stackinit.seeder.DumpBuilder.metadata;
import static dev.stackinit.seeder.DumpBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.seeder.io.DumpSource;
import dev.stackinit.seeder.mongo.SeederOperations;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps imported through the real import path into a command-recording target: the exact commands for time-series,
 * system.js, views and legacy indexes, and the refusals that must come before the first write (what the stand-in
 * server would silently accept or drop).
 */
class DumpImportTest {
    @TempDir
    Path dir;

    private final RecordingTarget target = new RecordingTarget();
    private final List<String> messages = new ArrayList<>();

    private CloneReport load(
            Supplier<DumpSource> opener, List<String> databases, boolean given, NameFilter filter, Mode mode) {
        CloneRequest request = new CloneRequest(databases, null, filter, 0, mode, 2, CloneRequest.DEFAULT_BATCH_BYTES);
        return new SeederOperations(Retry.system(), new MutableClock(), messages::add)
                .importDump(opener, target, request, given, ProgressListener.NONE);
    }

    private CloneReport loadFolder(Path folder) {
        return load(() -> DumpSource.openDirectory(folder), List.of("copy"), true, NameFilter.ALL, Mode.REPLACE);
    }

    private Path timeseriesDump() {
        Path db = dir.resolve("ts");
        write(
                db.resolve("metrics.metadata.json"),
                metadata(
                        "metrics",
                        "timeseries",
                        "{timeseries: {timeField: 't', metaField: 'm', granularity: 'hours'}, expireAfterSeconds: 86400}",
                        List.of("{v: 2, key: {m: 1, t: 1}, name: 'm_1_t_1'}")));
        write(
                db.resolve("system.buckets.metrics.bson"),
                concat(List.of(
                        bson("{_id: {$oid: '650000000000000000000001'}, control: {version: 1}, meta: 'cpu'}"),
                        bson("{_id: {$oid: '650000000000000000000002'}, control: {version: 1}, meta: 'mem'}"))));
        write(db.resolve("plain.bson"), concat(List.of(bson("{_id: 1}"))));
        return db;
    }

    @Test
    void timeSeriesIsCreatedWithItsOptionsAndItsBucketsInsertedRaw() {
        CloneReport report = loadFolder(timeseriesDump());

        assertThat(target.commands)
                .contains(BsonDocument.parse(
                        "{create: 'metrics', timeseries: {timeField: 't', metaField: 'm', granularity: 'hours'},"
                                + " expireAfterSeconds: 86400}"));
        assertThat(target.log).contains("insertBuckets metrics 2", "createIndexes metrics");
        assertThat(target.log).noneMatch(line -> line.contains("staging.metrics"));
        assertThat(target.probes).containsExactly("timeseries copy");
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aTargetWithoutTimeSeriesIsRefusedNamingTheCollectionBeforeAnyWrite() {
        target.timeseries = false;

        assertThatThrownBy(() -> loadFolder(timeseriesDump()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("time-series collection copy.metrics cannot be restored")
                .hasMessageContaining("refused to create a time-series collection when probed")
                .hasMessageNotContaining("5.0 or later is needed")
                .hasMessageContaining("nothing was written");
        assertThat(target.untouched()).isTrue();
    }

    @Test
    void aTargetTooOldForTimeSeriesIsToldSo() {
        target.timeseries = false;
        target.version = "4.4.29";

        assertThatThrownBy(() -> loadFolder(timeseriesDump()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(version 4.4.29) does not create time-series collections (MongoDB 5.0 or later");
        assertThat(target.untouched()).isTrue();
    }

    @Test
    void indexesTheTargetVersionCannotBuildAreRefusedUpFront() {
        Path db = dir.resolve("geo");
        write(db.resolve("places.bson"), concat(List.of(bson("{_id: 1, loc: [1, 2]}"))));
        write(
                db.resolve("places.metadata.json"),
                metadata(
                        "places",
                        "collection",
                        "{}",
                        List.of(
                                "{v: 2, key: {_id: 1}, name: '_id_'}",
                                "{v: 2, key: {loc: 'geoHaystack', type: 1}, name: 'loc_geoHaystack_type_1', bucketSize: 1}")));

        assertThatThrownBy(() -> loadFolder(db))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("index loc_geoHaystack_type_1 of copy.places")
                .hasMessageContaining("geoHaystack indexes were removed in MongoDB 5.0 (target runs 7.0.14)");
        assertThat(target.untouched()).isTrue();

        target.version = "4.4.29";
        assertThat(loadFolder(db).indexes()).isEqualTo(1);
    }

    @Test
    void legacyIndexSpecsAreConvertedAndADuplicateAfterConversionIsNamed() {
        Path db = dir.resolve("legacy");
        write(db.resolve("users.bson"), concat(List.of(bson("{_id: 1, email: 'a'}"))));
        write(
                db.resolve("system.indexes.bson"),
                concat(List.of(
                        bson("{v: 1, key: {_id: 1}, name: '_id_', ns: 'legacy.users'}"),
                        bson("{v: 1, key: {email: 1}, name: 'email_1', ns: 'legacy.users', unique: true}"),
                        bson("{v: 1, key: {email: true}, name: 'email_true', ns: 'legacy.users', safe: true}"),
                        bson("{v: 0, key: {age: ''}, name: 'age_', ns: 'legacy.users'}"))));

        IncompleteCopyException incomplete = catchThrowableOfType(IncompleteCopyException.class, () -> loadFolder(db));

        assertThat(target.commands)
                .contains(BsonDocument.parse("{createIndexes: '__seeder.staging.users', indexes: ["
                        + "{v: 1, key: {email: 1}, name: 'email_1', unique: true},"
                        + "{key: {age: 1}, name: 'age_'}]}"));
        assertThat(incomplete.report().notRestored())
                .singleElement()
                .satisfies(item -> assertThat(item.toString()).contains("index copy.users.email_true"));
        assertThat(incomplete.report().notes()).anyMatch(note -> note.contains("legacy key {\"age\": \"\"}"));
        assertThat(incomplete.getMessage()).contains("1 item of the source not restored");
        assertThat(target.marker).as("the rest was imported").isNotNull();
    }

    @Test
    void systemJsIsRestoredInPlaceOrRefusedUpFront() {
        Path db = dir.resolve("js");
        write(
                db.resolve("system.js.bson"),
                concat(List.of(bson("{_id: 'sum', value: {$code: 'function (a, b) {}'}}"))));
        write(db.resolve("data.bson"), concat(List.of(bson("{_id: 1}"))));

        loadFolder(db);
        assertThat(target.log).contains("create system.js", "insert system.js 1");

        RecordingTarget refusing = new RecordingTarget();
        refusing.systemJs = false;
        assertThatThrownBy(() -> new SeederOperations(Retry.system(), new MutableClock(), messages::add)
                        .importDump(
                                () -> DumpSource.openDirectory(db),
                                refusing,
                                new CloneRequest(
                                        List.of("copy"),
                                        null,
                                        NameFilter.ALL,
                                        0,
                                        Mode.REPLACE,
                                        2,
                                        CloneRequest.DEFAULT_BATCH_BYTES),
                                true,
                                ProgressListener.NONE))
                .hasMessageContaining("copy.system.js cannot be restored");
        assertThat(refusing.untouched()).isTrue();
    }

    @Test
    void aDocumentOverTheTargetsLimitIsRefusedUpFrontNamingItsPlace() {
        Path db = dir.resolve("big");
        write(
                db.resolve("blobs.bson"),
                concat(List.of(bson("{_id: 1}"), bson("{_id: 2, pad: '" + "x".repeat(2000) + "'}"))));
        target.limits = new TargetStore.Limits(1024, 48_000_000);

        assertThatThrownBy(() -> loadFolder(db))
                .hasMessageContaining("blobs.bson at byte 14")
                .hasMessageContaining("over the target's limit of 1024 bytes");
        assertThat(target.untouched()).isTrue();
    }

    @Test
    void aDumpRootImportsAllItsDatabasesSkipsAdminAndNamesTheOplog() {
        Path root = dir.resolve("dump");
        write(root.resolve("shop/items.bson"), concat(List.of(bson("{_id: 1}"))));
        write(root.resolve("blog/posts.bson"), concat(List.of(bson("{_id: 1}"))));
        write(root.resolve("admin/system.version.bson"), concat(List.of(bson("{_id: 'x'}"))));
        write(root.resolve("oplog.bson"), concat(List.of(bson("{op: 'n'}"))));

        IncompleteCopyException incomplete = catchThrowableOfType(
                IncompleteCopyException.class,
                () -> load(
                        () -> DumpSource.openDirectory(root),
                        List.of("__models__"),
                        false,
                        NameFilter.ALL,
                        Mode.REPLACE));
        CloneReport accepted = load(
                () -> DumpSource.openDirectory(root),
                List.of("shop"),
                true,
                new NameFilter(List.of(), List.of("oplog")),
                Mode.REPLACE);

        assertThat(incomplete.report().databases())
                .extracting(CloneReport.DatabaseReport::target)
                .containsExactly("blog", "shop");
        assertThat(incomplete.report().notRestored())
                .extracting(Unrestored::kind)
                .containsExactly("oplog");
        assertThat(incomplete.report().skipped()).extracting(Unrestored::name).containsExactly("admin");
        assertThat(messages).anyMatch(line -> line.contains("skipping database admin"));
        assertThat(accepted.complete()).isTrue();
        assertThat(accepted.skipped()).extracting(Unrestored::name).contains("blog", "oplog");
    }

    @Test
    void anArchiveWithOneDatabaseIsImportedUnderTheNameAsked() {
        Path file = write(
                dir.resolve("one.archive"),
                DumpBuilder.archive("7.0.14")
                        .collection("test", "items", "collection", metadata("items", "collection", "{}", List.of()))
                        .collection(
                                "test",
                                "recent",
                                "view",
                                metadata(
                                        "recent",
                                        "view",
                                        "{viewOn: 'items', pipeline: [{$sort: {_id: -1}}]}",
                                        List.of()))
                        .start()
                        .segment("test", "items", bson("{_id: 1}"), bson("{_id: 2}"))
                        .segment("test", "recent")
                        .eof("test", "items")
                        .eof("test", "recent")
                        .bytes());

        CloneReport report = load(
                () -> DumpSource.openArchive(file, false), List.of("restored"), true, NameFilter.ALL, Mode.REPLACE);

        assertThat(report.databases())
                .extracting(CloneReport.DatabaseReport::target)
                .containsExactly("restored");
        assertThat(report.documents()).isEqualTo(2);
        assertThat(report.views()).isEqualTo(1);
        assertThat(messages)
                .anyMatch(line -> line.contains("the dump holds one database, test: importing it as restored"));
        assertThat(target.log.indexOf("create recent"))
                .isGreaterThan(target.log.indexOf("insert __seeder.staging.items 2"));
    }

    @Test
    void upsertingTimeSeriesBucketsIsRefused() {
        assertThatThrownBy(() -> load(
                        () -> DumpSource.openDirectory(timeseriesDump()),
                        List.of("copy"),
                        true,
                        NameFilter.ALL,
                        Mode.UPSERT))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--mode upsert cannot update the buckets");
        assertThat(target.untouched()).isTrue();
    }

    @Test
    void whatADatabaseFolderCannotRestoreIsNamedWithTheDatabaseItWasImportedAs() {
        // a database folder carries no database name of its own: --database names it, in the summary and in --json
        Path db = dir.resolve("tsdb");
        write(db.resolve("plain.bson"), concat(List.of(bson("{_id: 1}"))));
        write(db.resolve("system.buckets.weather.bson"), concat(List.of(bson("{_id: 2, control: {version: 1}}"))));

        IncompleteCopyException incomplete = catchThrowableOfType(IncompleteCopyException.class, () -> loadFolder(db));

        assertThat(incomplete.report().notRestored())
                .extracting(Unrestored::database, Unrestored::name)
                .containsExactly(tuple("copy", "system.buckets.weather"));
        assertThat(incomplete.report().notRestored().get(0).toString())
                .startsWith("collection copy.system.buckets.weather");
    }

    @Test
    void aSecondImportOfTheSameDumpIsUpToDateButStillNamesWhatItCannotRestore() {
        Path root = dir.resolve("dump");
        write(root.resolve("shop/items.bson"), concat(List.of(bson("{_id: 1}"))));
        write(root.resolve("shop/system.profile.bson"), concat(List.of(bson("{op: 'query'}"))));
        Supplier<DumpSource> opener = () -> DumpSource.openDirectory(root);

        catchThrowableOfType(
                IncompleteCopyException.class,
                () -> load(opener, List.of("shop"), true, NameFilter.ALL, Mode.IF_COMPLETE));
        IncompleteCopyException again = catchThrowableOfType(
                IncompleteCopyException.class,
                () -> load(opener, List.of("shop"), true, NameFilter.ALL, Mode.IF_COMPLETE));

        assertThat(again.report().upToDate()).isTrue();
        assertThat(again.report().notRestored()).extracting(Unrestored::name).containsExactly("system.profile");
    }

    @Test
    void customBucketingIsRefusedOnATargetBefore63ButNotTheSpanAlone() {
        Path db = dir.resolve("custom");
        write(
                db.resolve("m.metadata.json"),
                metadata(
                        "m",
                        "timeseries",
                        "{timeseries: {timeField: 't', bucketMaxSpanSeconds: 3600, bucketRoundingSeconds: 3600}}",
                        List.of()));
        Path span = dir.resolve("span");
        write(
                span.resolve("m.metadata.json"),
                metadata(
                        "m",
                        "timeseries",
                        "{timeseries: {timeField: 't', granularity: 'seconds', bucketMaxSpanSeconds: 3600}}",
                        List.of()));
        target.version = "6.0.19";

        assertThatThrownBy(() -> loadFolder(db)).hasMessageContaining("custom bucketing, which needs MongoDB 6.3");
        assertThat(target.untouched()).isTrue();
        assertThat(loadFolder(span).complete()).isTrue();
    }
}
