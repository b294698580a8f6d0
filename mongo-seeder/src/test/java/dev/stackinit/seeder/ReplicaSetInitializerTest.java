package dev.stackinit.seeder;

import static dev.stackinit.seeder.FakeAdminPort.config;
import static dev.stackinit.seeder.FakeAdminPort.error;
import static dev.stackinit.seeder.FakeAdminPort.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.ToolException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.seeder.ReplicaSetResult.Action;
import dev.stackinit.shared.Retry;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class ReplicaSetInitializerTest {
    private final FakeAdminPort admin = new FakeAdminPort();
    private final MutableClock clock = new MutableClock();

    private ReplicaSetInitializer initializer() {
        return new ReplicaSetInitializer(admin, new Retry(clock, clock::advance), clock, Retry.Listener.NONE);
    }

    private static ReplicaSetRequest request(boolean force) {
        return new ReplicaSetRequest(
                "mongodb://mongo:27017", "rs0", "mongo:27017", force, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private ReplicaSetResult run(boolean force) {
        return initializer().initiate(request(force));
    }

    private int exitCodeOf(Runnable action) {
        try {
            action.run();
        } catch (ToolException e) {
            return e.exitCode().code();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void notYetInitializedInitiatesWithTheMemberHost() {
        admin.statusError = error(94, "NotYetInitialized");
        admin.notPrimaryAnswers = 3; // a single member needs a moment to elect itself

        ReplicaSetResult result = run(false);

        assertThat(result.action()).isEqualTo(Action.INITIATED);
        assertThat(admin.initiated)
                .containsExactly(BsonDocument.parse("{_id: 'rs0', members: [{_id: 0, host: 'mongo:27017'}]}"));
        assertThat(admin.calls).filteredOn("hello"::equals).hasSize(4);
    }

    @Test
    void alreadyInitializedByARaceIsFine() {
        admin.statusError = error(94, "NotYetInitialized");
        admin.initiateError = error(23, "AlreadyInitialized");

        assertThat(run(false).action()).isEqualTo(Action.INITIATED_CONCURRENTLY);
    }

    @Test
    void sameNameAndMemberHostIsNothingToDo() {
        admin.status = status("rs0", 1);
        admin.config = config("rs0", "mongo:27017");

        ReplicaSetResult result = run(false);

        assertThat(result.action()).isEqualTo(Action.UNCHANGED);
        assertThat(result.changed()).isFalse();
        assertThat(admin.calls).doesNotContain("replSetInitiate").noneMatch(c -> c.startsWith("replSetReconfig"));
    }

    @Test
    void setNameMismatchInStatusNamesBothNames() {
        admin.status = status("other", 1);

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'other'")
                .hasMessageContaining("'rs0'");
    }

    @Test
    void setNameMismatchOnInitiateNamesBothNames() {
        admin.statusError = error(94, "NotYetInitialized");
        admin.initiateError = error(93, "InvalidReplicaSetConfig");
        admin.startupSetName = java.util.Optional.of("docker-rs");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'docker-rs'")
                .hasMessageContaining("'rs0'");
    }

    @Test
    void startedWithoutReplSetIsInvalidInput() {
        admin.statusError = error(76, "NoReplicationEnabled");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not running with --replSet");
        assertThat(admin.calls).doesNotContain("replSetInitiate");
    }

    @Test
    void memberHostNoLongerMapsIsInvalidInputWithAdvice() {
        admin.statusError = error(93, "InvalidReplicaSetConfig");
        admin.config = config("rs0", "3f2a9c1d:27017");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--force-reconfig")
                .hasMessageContaining("fixed hostname");
        assertThat(admin.reconfigured).isEmpty();
    }

    @Test
    void memberHostNoLongerMapsIsRepairedWithForceReconfig() {
        admin.statusError = error(93, "InvalidReplicaSetConfig");
        admin.config = config("rs0", "3f2a9c1d:27017");

        ReplicaSetResult result = run(true);

        assertThat(result.action()).isEqualTo(Action.RECONFIGURED);
        assertThat(admin.calls).contains("replSetReconfig force=true");
        assertThat(ReplicaSetInitializer.memberHosts(admin.reconfigured.get(0))).containsExactly("mongo:27017");
        assertThat(admin.reconfigured.get(0).getInt32("version").getValue()).isEqualTo(3);
    }

    @Test
    void removedStateIsTreatedLikeCode93() {
        admin.status = status("rs0", 10);
        admin.config = config("rs0", "old-host:27017");

        assertThat(exitCodeOf(() -> run(false))).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run(true).action()).isEqualTo(Action.RECONFIGURED);
    }

    @Test
    void healthySetWithAnotherMemberHostNeedsForceReconfig() {
        admin.status = status("rs0", 1);
        admin.config = config("rs0", "host.docker.internal:27017");

        assertThatThrownBy(() -> run(false)).hasMessageContaining("host.docker.internal:27017");
        assertThat(run(true).action()).isEqualTo(Action.RECONFIGURED);
    }

    @Test
    void nodeNotFoundOnInitiateIsInvalidInput() {
        admin.statusError = error(94, "NotYetInitialized");
        admin.initiateError = error(74, "NodeNotFound");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not map to this mongod");
    }

    @Test
    void helloUnknownFallsBackToIsMaster() {
        admin.status = status("rs0", 1);
        admin.config = config("rs0", "mongo:27017");
        admin.helloUnknown = true;
        admin.notPrimaryAnswers = 2;

        run(false);

        assertThat(admin.calls).filteredOn("hello"::equals).hasSize(1);
        assertThat(admin.calls).filteredOn("isMaster"::equals).hasSize(3);
    }

    @Test
    void waitsForMongodToAnswerWithBackoff() {
        admin.pingFailures = 4;
        admin.status = status("rs0", 1);
        admin.config = config("rs0", "mongo:27017");

        run(false);

        assertThat(admin.calls).filteredOn("ping"::equals).hasSize(5);
        assertThat(clock.instant()).isAfter(java.time.Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void mongodThatNeverAnswersIsUnreachableAfterTheWaitTimeout() {
        admin.neverAnswers = true;

        assertThatThrownBy(() -> run(false)).isInstanceOf(UnreachableException.class);
        assertThat(clock.instant()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:30Z"));
    }

    @Test
    void noWritablePrimaryWithinTheTimeoutIsUnreachable() {
        admin.status = status("rs0", 2);
        admin.config = config("rs0", "mongo:27017");
        admin.neverPrimary = true;

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("no writable primary within 60 s");
    }

    @Test
    void otherErrorCodesAreRejected() {
        admin.statusError = error(11600, "InterruptedAtShutdown");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("code 11600 InterruptedAtShutdown");
    }

    @Test
    void aNodeWithoutAccessControlIsUsedWithoutCredentialsAndSaysSo() {
        admin.healthy();

        ReplicaSetResult result = run(false);

        assertThat(result.access()).isEqualTo(ReplicaSetResult.Access.NO_ACCESS_CONTROL);
        assertThat(admin.log).allMatch(call -> call.startsWith("anonymous:"));
        assertThat(admin.calls).doesNotContain("createUser root");
    }

    @Test
    void aConnectionLostMidwayIsUnreachableNotABug() {
        admin.healthy();
        admin.answersBeforeLost = 3;

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("lost the connection to mongodb://mongo:27017");
    }

    private ReplicaSetResult plan(boolean force) {
        return initializer().plan(request(force));
    }

    @Test
    void aPlanSaysWhatInitiateWouldDoAndSendsNoChangingCommand() {
        admin.statusError = error(94, "NotYetInitialized");
        assertThat(plan(false).action()).isEqualTo(Action.INITIATED);

        admin.statusError = null;
        admin.status = status("rs0", 1);
        admin.config = config("rs0", "mongo:27017");
        assertThat(plan(false).action()).isEqualTo(Action.UNCHANGED);

        admin.config = config("rs0", "old-host:27017");
        assertThat(plan(true).action()).isEqualTo(Action.RECONFIGURED);
        assertThatThrownBy(() -> plan(false)).isInstanceOf(InvalidInputException.class);

        assertThat(admin.initiated).isEmpty();
        assertThat(admin.reconfigured).isEmpty();
        assertThat(admin.calls).doesNotContain("replSetInitiate", "hello");
    }

    @Test
    void aPlanRefusesWhatInitiateRefuses() {
        admin.statusError = error(76, "NoReplicationEnabled");
        assertThatThrownBy(() -> plan(false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--replSet");

        admin.statusError = error(94, "NotYetInitialized");
        admin.startupSetName = java.util.Optional.of("other");
        assertThatThrownBy(() -> plan(false)).hasMessageContaining("'other'");
    }
}
