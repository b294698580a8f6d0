package dev.stackinit.seeder;

import static dev.stackinit.seeder.FakeAdminPort.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.seeder.ReplicaSetResult.Access;
import dev.stackinit.seeder.ReplicaSetResult.Action;
import dev.stackinit.seeder.ReplicaSetResult.AppUserChange;
import dev.stackinit.shared.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.junit.jupiter.api.Test;

/**
 * rs-init on a node that enforces authentication (mongod --keyFile), against the command-level fake that authorizes as
 * mongod does: every branch of how rs-init gets its rights, the root user, the app user and its rotation. Passwords
 * never appear in a message.
 */
class ReplicaSetAuthTest {
    private static final String ROOT_PASSWORD = "rootPassword-0123456789";
    private static final String APP_PASSWORD = "appPassword-0123456789";

    private final FakeAdminPort node = new FakeAdminPort();
    private final MutableClock clock = new MutableClock();

    {
        node.accessControl = true;
    }

    private ReplicaSetResult run(Optional<Credentials> root, Optional<AppUser> app) {
        ReplicaSetRequest request = new ReplicaSetRequest(
                "mongodb://root:****@localhost:27017",
                "rs0",
                "mongo:27017",
                false,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                root,
                app);
        return new ReplicaSetInitializer(node.connector(), new Retry(clock, clock::advance), clock, Retry.Listener.NONE)
                .initiate(request);
    }

    private static Optional<Credentials> root(String password) {
        return Optional.of(new Credentials("root", password, "admin"));
    }

    private static Optional<AppUser> app(String password) {
        return Optional.of(new AppUser("stackend", password, List.of("stackend", "__models__")));
    }

    private ReplicaSetResult run() {
        return run(root(ROOT_PASSWORD), app(APP_PASSWORD));
    }

    private static BsonArray readWrite(String... databases) {
        return AppUserSetup.readWrite(List.of(databases));
    }

    @Test
    void aFreshNodeIsInitiatedAndGetsItsRootUserThroughTheLocalhostException() {
        node.statusError = error(94, "NotYetInitialized");
        node.notPrimaryAnswers = 2;

        ReplicaSetResult result = run();

        assertThat(result.action()).isEqualTo(Action.INITIATED);
        assertThat(result.access()).isEqualTo(Access.ROOT_CREATED);
        assertThat(result.changed()).isTrue();
        assertThat(node.users).containsEntry("root", ROOT_PASSWORD).containsEntry("stackend", APP_PASSWORD);
        assertThat(node.roles.get("root")).isEqualTo(BsonArray.parse("[{role: 'root', db: 'admin'}]"));
        assertThat(node.roles.get("stackend")).isEqualTo(readWrite("stackend", "__models__"));
        // initiate, wait for the primary, then the first user: in that order, without credentials; the rest as root
        List<String> anonymous =
                node.log.stream().filter(c -> c.startsWith("anonymous:")).toList();
        assertThat(anonymous)
                .containsSubsequence("anonymous:replSetInitiate", "anonymous:hello", "anonymous:createUser root")
                .doesNotContain("anonymous:usersInfo stackend", "anonymous:replSetGetConfig");
        // the first root:ping is the probe that fails: there is no root user yet
        assertThat(node.log.indexOf("root:ping")).isLessThan(node.log.indexOf("anonymous:replSetInitiate"));
        assertThat(node.log.indexOf("anonymous:createUser root")).isLessThan(node.log.indexOf("root:replSetGetStatus"));
        assertThat(node.log).contains("root:replSetGetConfig", "root:createUser stackend");
        assertThat(node.initiated).hasSize(1);
        assertThat(result.appUser())
                .get()
                .extracting(ReplicaSetResult.AppUserResult::changes)
                .asList()
                .containsExactly(AppUserChange.CREATED);
    }

    @Test
    void anInitiatedSetWithoutUsersOnlyGetsItsRootUser() {
        // a volume from the time before authentication: set initiated, no users, mongod now with --keyFile
        node.healthy();

        ReplicaSetResult result = run(root(ROOT_PASSWORD), Optional.empty());

        assertThat(result.action()).isEqualTo(Action.UNCHANGED);
        assertThat(result.access()).isEqualTo(Access.ROOT_CREATED);
        assertThat(result.changed()).isTrue();
        assertThat(node.calls).doesNotContain("replSetInitiate");
        assertThat(node.users).containsOnlyKeys("root");
    }

    @Test
    void whenUsersExistRsInitAuthenticatesAndASecondRunChangesNothing() {
        node.healthy().user("root", ROOT_PASSWORD);

        ReplicaSetResult first = run();
        assertThat(first.access()).isEqualTo(Access.AUTHENTICATED);
        assertThat(first.action()).isEqualTo(Action.UNCHANGED);
        assertThat(first.appUser().orElseThrow().changes()).containsExactly(AppUserChange.CREATED);

        node.log.clear();
        ReplicaSetResult second = run();

        assertThat(second.changed()).isFalse();
        assertThat(second.appUser().orElseThrow().changes()).isEmpty();
        assertThat(node.log)
                .noneMatch(c -> c.contains("createUser") || c.contains("updateUser") || c.contains("grantRoles"))
                .contains("stackend:authenticate");
    }

    @Test
    void aChangedAppPasswordIsSetAgain() {
        node.healthy().user("root", ROOT_PASSWORD).user("stackend", "the-old-app-password", "stackend", "__models__");

        ReplicaSetResult rotated = run();

        assertThat(rotated.appUser().orElseThrow().changes()).containsExactly(AppUserChange.PASSWORD_UPDATED);
        assertThat(rotated.changed()).isTrue();
        assertThat(node.users).containsEntry("stackend", APP_PASSWORD);
        assertThat(node.calls).contains("updateUser stackend").doesNotContain("createUser stackend");
        assertThat(run().appUser().orElseThrow().changes()).as("the rerun").isEmpty();
    }

    @Test
    void missingRolesAreGrantedAndOthersKeptWithANote() {
        node.healthy().user("root", ROOT_PASSWORD).user("stackend", APP_PASSWORD, "stackend", "reports");

        ReplicaSetResult result = run();

        assertThat(result.appUser().orElseThrow().changes()).containsExactly(AppUserChange.ROLES_GRANTED);
        assertThat(node.roles.get("stackend"))
                .containsExactlyInAnyOrderElementsOf(readWrite("stackend", "reports", "__models__"));
        assertThat(result.appUser().orElseThrow().notes())
                .singleElement()
                .asString()
                .contains("readWrite@reports")
                .contains("kept");
    }

    @Test
    void aWrongRootPasswordIsExitThreeWithAdviceAndNoPassword() {
        node.healthy().user("root", "the-password-it-was-created-with");

        assertThatThrownBy(() -> run(root("a-wrong-root-password"), app(APP_PASSWORD)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication as 'root' (authSource admin) failed")
                .hasMessageContaining("a volume keeps the root password it was created with")
                .hasMessageNotContaining("a-wrong-root-password")
                .hasMessageNotContaining("the-password-it-was-created-with");
        assertThat(node.calls).doesNotContain("replSetInitiate", "createUser root", "createUser stackend");
    }

    @Test
    void aMissingRootUserOnANodeWithOtherUsersIsExitThree() {
        node.healthy().user("admin", "someone-elses-password");

        assertThatThrownBy(() -> run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication as 'root'")
                .hasMessageNotContaining(ROOT_PASSWORD);
        assertThat(node.users).containsOnlyKeys("admin");
    }

    @Test
    void aTargetUserWithoutClusterRolesIsExitThreeNamingTheRolesItLacks() {
        // the app user in --target-uri instead of root: it authenticates, then the node refuses replSetGetStatus
        node.healthy().user("stackend", ROOT_PASSWORD, "stackend");

        assertThatThrownBy(
                        () -> run(Optional.of(new Credentials("stackend", ROOT_PASSWORD, "admin")), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the clusterMonitor/clusterManager roles")
                .hasMessageNotContaining(ROOT_PASSWORD);
        assertThat(node.calls).doesNotContain("replSetInitiate", "replSetReconfig");
    }

    @Test
    void aNodeWithUsersButNoCredentialsGivenIsExitThree() {
        node.healthy().user("root", ROOT_PASSWORD);

        assertThatThrownBy(() -> run(Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requires authentication")
                .hasMessageContaining("MONGO_SEEDER_TARGET_PASSWORD or --target-password-file");
        assertThat(node.calls).doesNotContain("replSetInitiate");
    }

    @Test
    void aNodeWithoutUsersAndNoCredentialsGivenIsExitThreeAndUntouched() {
        node.statusError = error(94, "NotYetInitialized");

        assertThatThrownBy(() -> run(Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no users yet");
        assertThat(node.calls).doesNotContain("replSetInitiate");
    }

    @Test
    void credentialsForANodeWithoutKeyFileAreExitThree() {
        node.accessControl = false;
        node.healthy();

        assertThatThrownBy(() -> run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("without access control (no --keyFile)")
                .hasMessageNotContaining(ROOT_PASSWORD);
        assertThat(node.users).isEmpty();
    }

    @Test
    void withoutUsersFromAnotherHostTheLocalhostExceptionIsClosedAndTheAdviceSaysWhere() {
        node.localhost = false;
        node.statusError = error(94, "NotYetInitialized");

        assertThatThrownBy(() -> run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("localhost exception cannot create the first user")
                .hasMessageContaining("network_mode: service:mongo");
        assertThat(node.users).isEmpty();
    }

    @Test
    void aRootUserCreatedByARaceIsFineWhenItsPasswordIsOursAndExitThreeWhenNot() {
        node.statusError = error(94, "NotYetInitialized");
        node.createdByOthersFirst.put("root", ROOT_PASSWORD);

        assertThat(run(root(ROOT_PASSWORD), Optional.empty()).access()).isEqualTo(Access.ROOT_CREATED);

        FakeAdminPort other = new FakeAdminPort();
        other.accessControl = true;
        other.statusError = error(94, "NotYetInitialized");
        other.createdByOthersFirst.put("root", "another-clients-password");
        ReplicaSetRequest request = new ReplicaSetRequest(
                "mongodb://root:****@localhost:27017",
                "rs0",
                "mongo:27017",
                false,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                root(ROOT_PASSWORD),
                Optional.empty());
        assertThatThrownBy(() -> new ReplicaSetInitializer(
                                other.connector(), new Retry(clock, clock::advance), clock, Retry.Listener.NONE)
                        .initiate(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication failed")
                .hasMessageNotContaining(ROOT_PASSWORD)
                .hasMessageNotContaining("another-clients-password");
    }

    @Test
    void aNodeWithoutReplSetIsExitThreeEvenWithoutUsers() {
        node.statusError = error(76, "NoReplicationEnabled");

        assertThatThrownBy(() -> run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not running with --replSet");
        assertThat(node.users).isEmpty();
    }

    @Test
    void aMemberNoLongerInItsConfigCannotBeRepairedBeforeTheRootUserExists() {
        node.statusError = error(93, "InvalidReplicaSetConfig");

        assertThatThrownBy(() -> run())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot create the root user")
                .hasMessageContaining("--force-reconfig");
    }

    @Test
    void aRefusedRootCreationThroughTheLocalhostExceptionIsRejectedAndNothingElseIsCreated() {
        // only 51003 (created a moment ago by someone else) is let through; any other refusal names the root user
        node.statusError = error(94, "NotYetInitialized");
        node.createUserError = error(2, "BadValue");

        assertThatThrownBy(() -> run())
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("createUser of root user 'root' through the localhost exception failed")
                .hasMessageNotContaining(ROOT_PASSWORD);
        assertThat(node.users).isEmpty();
        assertThat(node.log).doesNotContain("anonymous:createUser stackend", "root:createUser stackend");
    }

    @Test
    void aRefusedAppUserCommandIsRejectedNamingTheUserNotThePassword() {
        node.healthy().user("root", ROOT_PASSWORD);
        node.createUserError = error(11000, "DuplicateKey");

        assertThatThrownBy(() -> run())
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("createUser for app user 'stackend' failed")
                .hasMessageNotContaining(APP_PASSWORD);
    }

    @Test
    void theAppUserMustNotBeTheRootUser() {
        assertThatThrownBy(() -> new ReplicaSetRequest(
                        "t",
                        "rs0",
                        "mongo:27017",
                        false,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        root(ROOT_PASSWORD),
                        Optional.of(new AppUser("root", APP_PASSWORD, List.of("x")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Credentials("root", ROOT_PASSWORD, "admin").toString()).doesNotContain(ROOT_PASSWORD);
        assertThat(app(APP_PASSWORD).orElseThrow().toString()).doesNotContain(APP_PASSWORD);
    }

    @Test
    void planSaysWhatWouldHappenAndChangesNothing() {
        node.statusError = error(94, "NotYetInitialized");
        ReplicaSetRequest request = new ReplicaSetRequest(
                "mongodb://root:****@localhost:27017",
                "rs0",
                "mongo:27017",
                false,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                root(ROOT_PASSWORD),
                app(APP_PASSWORD));
        ReplicaSetInitializer initializer = new ReplicaSetInitializer(
                node.connector(), new Retry(clock, clock::advance), clock, Retry.Listener.NONE);

        ReplicaSetResult fresh = initializer.plan(request);

        assertThat(fresh.action()).isEqualTo(Action.INITIATED);
        assertThat(fresh.access()).as("root would be created").isEqualTo(Access.ROOT_CREATED);
        assertThat(node.users).isEmpty();
        assertThat(node.calls).doesNotContain("replSetInitiate", "createUser root");

        node.healthy().user("root", "the-password-it-was-created-with");
        assertThatThrownBy(() -> initializer.plan(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("authentication as 'root'");
        node.users.put("root", ROOT_PASSWORD);
        ReplicaSetResult authenticated = initializer.plan(request);
        assertThat(authenticated.access()).isEqualTo(Access.AUTHENTICATED);
        assertThat(authenticated.action()).isEqualTo(Action.UNCHANGED);
        assertThat(node.users).containsOnlyKeys("root");
    }
}
