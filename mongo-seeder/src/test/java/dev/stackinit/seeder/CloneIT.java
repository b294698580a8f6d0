package dev.stackinit.seeder;

import static dev.stackinit.seeder.StandInAssertions.assertExactCopy;
import static dev.stackinit.seeder.StandInAssertions.userCollections;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.stackinit.seeder.cli.MongoSeederCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clone between two in-process mongo-java-server instances: many collections, every BSON type, ~15 MB documents,
 * 100k+ documents, index specs, an interrupted copy.
 *
 * <p>What this tier cannot show, because the stand-in drops collection options, views and capped collections and has
 * no replica set or auth: that validators, collation, capped, timeseries, clustered and TTL options, and views arrive
 * on the target, and that partial/TTL indexes behave. The exact create commands are asserted in
 * {@link CloneServiceTest}; the behaviour on real servers in {@code MongoSeederContainerIT}.
 */
class CloneIT {
    static MongoServer sourceServer;
    static MongoClient source;
    static String sourceUri;

    @BeforeAll
    static void startSource() {
        sourceServer = new MongoServer(new MemoryBackend());
        sourceUri = uri(sourceServer.bind());
        source = MongoClients.create(sourceUri);
        StandInData.populate(source.getDatabase("__models__"));
    }

    @AfterAll
    static void stop() {
        source.close();
        sourceServer.shutdownNow();
    }

    static String uri(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true";
    }

    record Result(int code, String out, String err) {}

    static Result cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MongoSeederCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void cloneIsByteEqualAndIndexSpecEqualAndASecondRunIsUpToDate() {
        MongoServer targetServer = new MongoServer(new MemoryBackend());
        String targetUri = uri(targetServer.bind());
        try (MongoClient target = MongoClients.create(targetUri)) {
            Map<String, String> env =
                    Map.of("MONGO_SEEDER_SOURCE_URI", sourceUri, "MONGO_SEEDER_TARGET_URI", targetUri);

            Result first = cli(env, "clone", "--mode", "if-complete", "--json");

            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("\"documents\" : " + StandInData.totalDocuments());
            assertThat(userCollections(target.getDatabase("__models__"))).hasSize(12);
            assertExactCopy(source.getDatabase("__models__"), target.getDatabase("__models__"));

            Result second = cli(env, "clone", "--mode", "if-complete");
            assertThat(second.code()).isZero();
            assertThat(second.out()).contains("up to date");
        } finally {
            targetServer.shutdownNow();
        }
    }

    @Test
    void aCloneInterruptedByStoppingTheTargetFailsAndTheRerunIsAnExactCopy() throws Exception {
        MemoryBackend backend = new MemoryBackend();
        MongoServer targetServer = new MongoServer(backend);
        InetSocketAddress address = targetServer.bind();
        String targetUri = uri(address);
        Map<String, String> env = Map.of("MONGO_SEEDER_SOURCE_URI", sourceUri, "MONGO_SEEDER_TARGET_URI", targetUri);
        try (MongoClient target = MongoClients.create(targetUri)) {
            CompletableFuture<Result> run =
                    CompletableFuture.supplyAsync(() -> cli(env, "clone", "--wait-timeout", "2s", "--parallel", "2"));
            while (target.getDatabase("__models__")
                            .getCollection(MongoCommands.stagingName("bulk_0"))
                            .countDocuments()
                    == 0) {
                Thread.sleep(5);
            }
            targetServer.shutdownNow();

            Result interrupted = run.get();
            assertThat(interrupted.code()).as(interrupted.err()).isIn(4, 5);
            // progress lines may come before it: the error is the last line
            List<String> lines = interrupted.err().strip().lines().toList();
            assertThat(lines.get(lines.size() - 1)).as(interrupted.err()).startsWith("mongo-seeder: ");
        }
        MongoServer restarted = new MongoServer(backend); // same data, as a restarted mongod would have
        restarted.bind(address);
        try (MongoClient target = MongoClients.create(targetUri)) {
            var models = target.getDatabase("__models__");
            for (String name : userCollections(models)) { // nothing half-copied under a real name
                assertThat(models.getCollection(name).countDocuments())
                        .isEqualTo(source.getDatabase("__models__")
                                .getCollection(name)
                                .countDocuments());
            }
            Result rerun = cli(env, "clone", "--mode", "if-complete");

            assertThat(rerun.code()).as(rerun.err()).isZero();
            assertExactCopy(source.getDatabase("__models__"), models);
            assertThat(models.listCollectionNames().into(new java.util.ArrayList<>()))
                    .noneMatch(n -> n.startsWith(MongoCommands.STAGING_PREFIX));
        } finally {
            restarted.shutdownNow();
        }
    }

    @Test
    void badInputsGetOneLineAndTheirExitCode() {
        MongoServer targetServer = new MongoServer(new MemoryBackend());
        String targetUri = uri(targetServer.bind());
        try {
            assertBad(cli(Map.of(), "clone", "--source-uri", "mongodb://", "--target-uri", targetUri), 3, "malformed");
            assertBad(
                    cli(
                            Map.of(),
                            "clone",
                            "--source-uri",
                            "mongodb://127.0.0.1:1",
                            "--target-uri",
                            targetUri,
                            "--wait-timeout",
                            "1s"),
                    4,
                    "did not answer");
            assertBad(
                    cli(Map.of(), "rs-init", "--target-uri", "mongodb://127.0.0.1:1", "--wait-timeout", "1s"),
                    4,
                    "did not answer within 1 s");
            Result credentials = cli(
                    Map.of("MONGO_SEEDER_SOURCE_URI", "mongodb://admin:s3cr3t-pw@" + sourceUri.substring(10)),
                    "clone",
                    "--target-uri",
                    targetUri,
                    "--wait-timeout",
                    "2s");
            assertBad(credentials, 3, "authentication failed");
            assertThat(credentials.err()).doesNotContain("s3cr3t-pw");
            assertBad(
                    cli(Map.of(), "clone", "--source-uri", sourceUri, "--target-uri", targetUri, "--database", "nope"),
                    3,
                    "'nope' does not exist");
            assertBad(cli(Map.of(), "clone", "--source-uri", sourceUri, "--target-uri", sourceUri), 2, "same database");
            assertBad(
                    cli(Map.of(), "clone", "--source-uri", sourceUri, "--target-uri", targetUri, "--mode", "merge"),
                    2,
                    "--mode");
        } finally {
            targetServer.shutdownNow();
        }
    }

    static void assertBad(Result result, int code, String message) {
        assertThat(result.code()).as(result.err()).isEqualTo(code);
        assertThat(result.err().strip())
                .startsWith("mongo-seeder: ")
                .contains(message)
                .doesNotContain("\n");
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
