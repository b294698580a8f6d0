package dev.stackinit.seeder;

import static dev.stackinit.seeder.AdminCommandException.ALREADY_INITIALIZED;
import static dev.stackinit.seeder.AdminCommandException.COMMAND_NOT_FOUND;
import static dev.stackinit.seeder.AdminCommandException.INVALID_REPLICA_SET_CONFIG;
import static dev.stackinit.seeder.AdminCommandException.NODE_NOT_FOUND;
import static dev.stackinit.seeder.AdminCommandException.NOT_YET_INITIALIZED;
import static dev.stackinit.seeder.AdminCommandException.NO_REPLICATION_ENABLED;
import static dev.stackinit.seeder.AdminCommandException.UNAUTHORIZED;
import static dev.stackinit.seeder.AdminCommandException.USER_ALREADY_EXISTS;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.seeder.ReplicaSetResult.Access;
import dev.stackinit.seeder.ReplicaSetResult.Action;
import dev.stackinit.seeder.ReplicaSetResult.AppUserResult;
import dev.stackinit.shared.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Idempotent single-node replica-set initiation, with authentication when the node enforces it. Every decision is taken
 * on a server error code or a status field, never on message text: 94 → initiate, 23 → someone else did, 76 → mongod
 * lacks --replSet, 93 / REMOVED → the member host no longer maps to this node (repair only with force-reconfig). How
 * rs-init gets its rights is {@link NodeAccess}'s decision; on a node without users it initiates the set and creates
 * the root user through the localhost exception, then goes on as root. The app user is kept by {@link AppUserSetup}.
 */
public final class ReplicaSetInitializer {
    private static final int STATE_REMOVED = 10;

    private final AdminConnector connector;
    private final Retry retry;
    private final Clock clock;
    private final Retry.Listener waitListener;

    public ReplicaSetInitializer(AdminConnector connector, Retry retry, Clock clock, Retry.Listener waitListener) {
        this.connector = connector;
        this.retry = retry;
        this.clock = clock;
        this.waitListener = waitListener;
    }

    /** One port for everything: a node without access control. */
    public ReplicaSetInitializer(AdminPort admin, Retry retry, Clock clock, Retry.Listener waitListener) {
        this(AdminConnector.of(admin), retry, clock, waitListener);
    }

    public ReplicaSetResult initiate(ReplicaSetRequest request) {
        return run(request, true);
    }

    /**
     * What {@link #initiate} would do, changing nothing: INITIATED (it would initiate), RECONFIGURED (it would replace
     * the member host), UNCHANGED; it refuses what initiate refuses (no --replSet, another set name, a lost member host
     * without force-reconfig, wrong or missing credentials). Access ROOT_CREATED: it would create the root user. The
     * app user is not planned ({@code appUser} stays empty). Waits for the server to answer as initiate does.
     */
    public ReplicaSetResult plan(ReplicaSetRequest request) {
        return run(request, false);
    }

    private ReplicaSetResult run(ReplicaSetRequest request, boolean apply) {
        Instant start = clock.instant();
        AdminPort anonymous = connector.anonymous();
        retry.until(
                "mongod at " + request.target(),
                Retry.Policy.waitingUpTo(request.waitTimeout()),
                NotAnsweringException.class::isInstance,
                waitListener,
                () -> {
                    anonymous.ping();
                    return null;
                });
        try {
            return apply ? applied(request, anonymous, start) : planned(request, anonymous, start);
        } catch (NotAnsweringException e) {
            throw new UnreachableException("lost the connection to " + request.target() + ": " + e.getMessage(), e);
        } catch (AuthenticationFailedException e) {
            throw new InvalidInputException("authentication failed on " + request.target() + ": " + e.getMessage(), e);
        }
    }

    private ReplicaSetResult applied(ReplicaSetRequest request, AdminPort anonymous, Instant start) {
        NodeAccess.Decision access = new NodeAccess(connector).decide(anonymous, request);
        AdminPort admin = access.port();
        Action action;
        Access how;
        if (access.route() == NodeAccess.Route.LOCALHOST_EXCEPTION) {
            Action bootstrapped = bootstrap(anonymous, request);
            admin = connector.authenticated(request.root().orElseThrow());
            Action checked = decide(admin, request, true);
            action = checked == Action.UNCHANGED ? bootstrapped : checked;
            how = Access.ROOT_CREATED;
        } else {
            action = decide(admin, request, true);
            how = access.route() == NodeAccess.Route.AUTHENTICATED ? Access.AUTHENTICATED : Access.NO_ACCESS_CONTROL;
        }
        waitForWritablePrimary(admin, request);
        AdminPort keeper = admin;
        Optional<AppUserResult> app = request.app().map(user -> new AppUserSetup(keeper, connector).ensure(user));
        return new ReplicaSetResult(
                action, request.setName(), request.memberHost(), Duration.between(start, clock.instant()), how, app);
    }

    private ReplicaSetResult planned(ReplicaSetRequest request, AdminPort anonymous, Instant start) {
        NodeAccess.Decision access = new NodeAccess(connector).decide(anonymous, request);
        Action action;
        Access how;
        if (access.route() == NodeAccess.Route.LOCALHOST_EXCEPTION) {
            // without users the config cannot be read: only whether initiation would run
            action = bootstrapStatus(anonymous, request) ? Action.INITIATED : Action.UNCHANGED;
            how = Access.ROOT_CREATED;
        } else {
            action = decide(access.port(), request, false);
            how = access.route() == NodeAccess.Route.AUTHENTICATED ? Access.AUTHENTICATED : Access.NO_ACCESS_CONTROL;
        }
        return new ReplicaSetResult(
                action,
                request.setName(),
                request.memberHost(),
                Duration.between(start, clock.instant()),
                how,
                Optional.empty());
    }

    /**
     * The localhost exception (no users yet): it may read the status, initiate and create the first user, nothing
     * else. So: initiate if needed, wait for a writable primary (users are written to it), create root; the full check
     * of the config follows as root.
     */
    private Action bootstrap(AdminPort anonymous, ReplicaSetRequest request) {
        Action action = bootstrapStatus(anonymous, request) ? initiateSet(anonymous, request) : Action.UNCHANGED;
        waitForWritablePrimary(anonymous, request);
        Credentials root = request.root().orElseThrow();
        BsonArray roles = new BsonArray(
                List.of(new BsonDocument("role", new BsonString("root")).append("db", new BsonString(root.source()))));
        try {
            anonymous.createUser(root.source(), root.user(), root.password(), roles);
        } catch (AdminCommandException e) {
            // 51003: created a moment ago by someone else; authenticating as it next tells whether it is ours
            if (e.code() != USER_ALREADY_EXISTS) {
                throw new RejectedException(
                        "createUser of root user '" + root.user() + "' through the localhost exception failed: "
                                + e.describe(),
                        e);
            }
        }
        return action;
    }

    /** Under the localhost exception: true when the set is not initiated yet; what cannot be handled yet throws. */
    private static boolean bootstrapStatus(AdminPort anonymous, ReplicaSetRequest request) {
        try {
            BsonDocument status = anonymous.replSetGetStatus();
            String actualName = status.getString("set", new BsonString("")).getValue();
            if (!actualName.equals(request.setName())) {
                throw nameMismatch(actualName, request.setName());
            }
            if (status.getNumber("myState", new BsonInt32(-1)).intValue() == STATE_REMOVED) {
                throw cannotRepairWithoutUsers(request);
            }
            return false;
        } catch (AdminCommandException e) {
            return switch (e.code()) {
                case NOT_YET_INITIALIZED -> true;
                case NO_REPLICATION_ENABLED -> throw notReplicaSet(request, e);
                case INVALID_REPLICA_SET_CONFIG -> throw cannotRepairWithoutUsers(request);
                default -> throw new RejectedException("replSetGetStatus failed: " + e.describe(), e);
            };
        }
    }

    private static InvalidInputException cannotRepairWithoutUsers(ReplicaSetRequest request) {
        return new InvalidInputException("this mongod has no users yet and is not a member of its replica-set config"
                + " any more (code " + INVALID_REPLICA_SET_CONFIG + "/REMOVED): the localhost exception cannot read or"
                + " repair the config, so rs-init cannot create the root user. Start it once with its old hostname"
                + " (the member host), or create the root user with MONGO_INITDB_ROOT_USERNAME/PASSWORD on a fresh"
                + " volume; then rerun with --force-reconfig to set the member host to " + request.memberHost());
    }

    private static InvalidInputException notReplicaSet(ReplicaSetRequest request, AdminCommandException e) {
        return new InvalidInputException("mongod at " + request.target()
                + " is not running with --replSet: start it with --replSet " + request.setName() + " ("
                + e.describe() + ")");
    }

    /** @param apply run the command it decides on, or only say which (plan) */
    private Action decide(AdminPort admin, ReplicaSetRequest request, boolean apply) {
        BsonDocument status;
        try {
            status = admin.replSetGetStatus();
        } catch (AdminCommandException e) {
            return switch (e.code()) {
                case NOT_YET_INITIALIZED -> apply ? initiateSet(admin, request) : initiationPlanned(admin, request);
                case NO_REPLICATION_ENABLED -> throw notReplicaSet(request, e);
                case INVALID_REPLICA_SET_CONFIG -> repairMembership(admin, request, apply);
                case UNAUTHORIZED ->
                    throw new InvalidInputException(
                            "mongod at " + request.target() + " refused replSetGetStatus (code"
                                    + " 13 Unauthorized): the user of --target-uri lacks the clusterMonitor/clusterManager"
                                    + " roles; rs-init needs a root user",
                            e);
                default -> throw new RejectedException("replSetGetStatus failed: " + e.describe(), e);
            };
        }
        String actualName = status.getString("set", new BsonString("")).getValue();
        if (!actualName.equals(request.setName())) {
            throw nameMismatch(actualName, request.setName());
        }
        if (status.getNumber("myState", new BsonInt32(-1)).intValue() == STATE_REMOVED) {
            return repairMembership(admin, request, apply);
        }
        BsonDocument config = currentConfig(admin).orElseThrow(() -> new RejectedException("replSetGetConfig failed"));
        List<String> hosts = memberHosts(config);
        if (hosts.contains(request.memberHost())) {
            return Action.UNCHANGED;
        }
        if (request.forceReconfig()) {
            return apply ? reconfigure(admin, config, request) : Action.RECONFIGURED;
        }
        throw new InvalidInputException("replica set '" + actualName + "' has member host(s) " + hosts
                + " but the wanted member host is " + request.memberHost()
                + ": rerun with --force-reconfig to replace it");
    }

    /** Plan: initiation would run; a mongod started with another --replSet name refuses it, so say so now. */
    private static Action initiationPlanned(AdminPort admin, ReplicaSetRequest request) {
        Optional<String> startedAs = admin.startupSetName();
        if (startedAs.isPresent() && !startedAs.get().equals(request.setName())) {
            throw nameMismatch(startedAs.get(), request.setName());
        }
        return Action.INITIATED;
    }

    private Action initiateSet(AdminPort admin, ReplicaSetRequest request) {
        BsonDocument config = new BsonDocument("_id", new BsonString(request.setName()))
                .append("members", new BsonArray(List.of(member(0, request.memberHost()))));
        try {
            admin.replSetInitiate(config);
            return Action.INITIATED;
        } catch (AdminCommandException e) {
            return switch (e.code()) {
                case ALREADY_INITIALIZED -> Action.INITIATED_CONCURRENTLY;
                case INVALID_REPLICA_SET_CONFIG ->
                    throw admin.startupSetName()
                            .filter(name -> !name.equals(request.setName()))
                            .map(name -> nameMismatch(name, request.setName()))
                            .orElseGet(() -> new InvalidInputException(
                                    "mongod rejected the replica-set config: " + e.describe()));
                case NODE_NOT_FOUND ->
                    throw new InvalidInputException("member host " + request.memberHost()
                            + " does not map to this mongod (it must resolve to the node itself, e.g. the service's"
                            + " fixed hostname): " + e.describe());
                default -> throw new RejectedException("replSetInitiate failed: " + e.describe(), e);
            };
        }
    }

    /** Code 93 or state REMOVED: the config names a host that is no longer this node (e.g. a recreated container). */
    private Action repairMembership(AdminPort admin, ReplicaSetRequest request, boolean apply) {
        if (!request.forceReconfig()) {
            throw new InvalidInputException("this mongod is not a member of its replica-set config any more (code "
                    + INVALID_REPLICA_SET_CONFIG + "/REMOVED: the member host no longer maps to it, e.g. the container"
                    + " got a new hostname): give the mongo service a fixed hostname, or rerun with --force-reconfig"
                    + " to set the member host to " + request.memberHost());
        }
        BsonDocument config = currentConfig(admin)
                .orElseGet(() ->
                        new BsonDocument("_id", new BsonString(request.setName())).append("version", new BsonInt32(1)));
        String configName =
                config.getString("_id", new BsonString(request.setName())).getValue();
        if (!configName.equals(request.setName())) {
            throw nameMismatch(configName, request.setName());
        }
        return apply ? reconfigure(admin, config, request) : Action.RECONFIGURED;
    }

    private Action reconfigure(AdminPort admin, BsonDocument config, ReplicaSetRequest request) {
        BsonDocument repaired = config.clone();
        BsonValue firstId = memberIds(config).stream().findFirst().orElse(new BsonInt32(0));
        repaired.put("members", new BsonArray(List.of(member(firstId, request.memberHost()))));
        try {
            admin.replSetReconfig(repaired, true);
        } catch (AdminCommandException e) {
            throw new RejectedException("replSetReconfig (force) failed: " + e.describe(), e);
        }
        return Action.RECONFIGURED;
    }

    private Optional<BsonDocument> currentConfig(AdminPort admin) {
        try {
            BsonDocument reply = admin.replSetGetConfig();
            return Optional.of(reply.containsKey("config") ? reply.getDocument("config") : reply);
        } catch (AdminCommandException e) {
            return Optional.empty();
        }
    }

    private void waitForWritablePrimary(AdminPort admin, ReplicaSetRequest request) {
        boolean[] helloUnknown = {false};
        try {
            retry.until(
                    "writable primary",
                    Retry.Policy.waitingUpTo(request.primaryTimeout()),
                    e -> e instanceof NotPrimaryYet || e instanceof NotAnsweringException,
                    waitListener,
                    () -> {
                        BsonDocument reply = helloOrIsMaster(admin, helloUnknown);
                        boolean writable = reply.getBoolean(
                                        "isWritablePrimary", reply.getBoolean("ismaster", BsonBoolean.FALSE))
                                .getValue();
                        if (!writable) {
                            throw new NotPrimaryYet();
                        }
                        return null;
                    });
        } catch (UnreachableException e) {
            throw new UnreachableException(
                    "replica set '" + request.setName() + "' had no writable primary within "
                            + request.primaryTimeout().toSeconds() + " s (raise --timeout?)",
                    e);
        }
    }

    /** hello where the server knows it, isMaster where hello is unknown (code 59, e.g. old servers). */
    private BsonDocument helloOrIsMaster(AdminPort admin, boolean[] helloUnknown) {
        if (!helloUnknown[0]) {
            try {
                return admin.hello();
            } catch (AdminCommandException e) {
                if (e.code() != COMMAND_NOT_FOUND) {
                    throw new RejectedException("hello failed: " + e.describe(), e);
                }
                helloUnknown[0] = true;
            }
        }
        return admin.isMaster();
    }

    private static InvalidInputException nameMismatch(String actual, String wanted) {
        return new InvalidInputException("replica-set name mismatch: mongod uses '" + actual + "' but '" + wanted
                + "' was asked for (--set-name must equal mongod's --replSet)");
    }

    private static BsonDocument member(int id, String host) {
        return member(new BsonInt32(id), host);
    }

    private static BsonDocument member(BsonValue id, String host) {
        return new BsonDocument("_id", id).append("host", new BsonString(host));
    }

    static List<String> memberHosts(BsonDocument config) {
        return config.getArray("members", new BsonArray()).stream()
                .map(m -> m.asDocument().getString("host").getValue())
                .toList();
    }

    private static List<BsonValue> memberIds(BsonDocument config) {
        return config.getArray("members", new BsonArray()).stream()
                .map(m -> m.asDocument().get("_id"))
                .toList();
    }

    private static final class NotPrimaryYet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPrimaryYet() {
            super("not yet a writable primary");
        }
    }
}
