package dev.stackinit.seeder;

import static dev.stackinit.seeder.AdminCommandException.ALREADY_INITIALIZED;
import static dev.stackinit.seeder.AdminCommandException.COMMAND_NOT_FOUND;
import static dev.stackinit.seeder.AdminCommandException.INVALID_REPLICA_SET_CONFIG;
import static dev.stackinit.seeder.AdminCommandException.NODE_NOT_FOUND;
import static dev.stackinit.seeder.AdminCommandException.NOT_YET_INITIALIZED;
import static dev.stackinit.seeder.AdminCommandException.NO_REPLICATION_ENABLED;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import dev.stackinit.seeder.ReplicaSetResult.Action;
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
 * Idempotent single-node replica-set initiation. Every decision is taken on a server error code or a status field,
 * never on message text: 94 → initiate, 23 → someone else did, 76 → mongod lacks --replSet, 93 / REMOVED → the
 * member host no longer maps to this node (repair only with force-reconfig).
 */
public final class ReplicaSetInitializer {
    private static final int STATE_REMOVED = 10;

    private final AdminPort admin;
    private final Retry retry;
    private final Clock clock;
    private final Retry.Listener waitListener;

    public ReplicaSetInitializer(AdminPort admin, Retry retry, Clock clock, Retry.Listener waitListener) {
        this.admin = admin;
        this.retry = retry;
        this.clock = clock;
        this.waitListener = waitListener;
    }

    public ReplicaSetResult initiate(ReplicaSetRequest request) {
        Instant start = clock.instant();
        awaitAnswer(request);
        Action action = decide(request, true);
        waitForWritablePrimary(request);
        return new ReplicaSetResult(
                action, request.setName(), request.memberHost(), Duration.between(start, clock.instant()));
    }

    /**
     * What {@link #initiate} would do, changing nothing: INITIATED (it would initiate), RECONFIGURED (it would replace
     * the member host), UNCHANGED; it refuses what initiate refuses (no --replSet, another set name, a lost member host
     * without force-reconfig). Waits for the server to answer as initiate does.
     */
    public ReplicaSetResult plan(ReplicaSetRequest request) {
        Instant start = clock.instant();
        awaitAnswer(request);
        Action action = decide(request, false);
        return new ReplicaSetResult(
                action, request.setName(), request.memberHost(), Duration.between(start, clock.instant()));
    }

    private void awaitAnswer(ReplicaSetRequest request) {
        retry.until(
                "mongod at " + request.target(),
                Retry.Policy.waitingUpTo(request.waitTimeout()),
                NotAnsweringException.class::isInstance,
                waitListener,
                () -> {
                    admin.ping();
                    return null;
                });
    }

    /** @param apply run the command it decides on, or only say which (plan) */
    private Action decide(ReplicaSetRequest request, boolean apply) {
        BsonDocument status;
        try {
            status = admin.replSetGetStatus();
        } catch (AdminCommandException e) {
            return switch (e.code()) {
                case NOT_YET_INITIALIZED -> apply ? initiateSet(request) : initiationPlanned(request);
                case NO_REPLICATION_ENABLED ->
                    throw new InvalidInputException("mongod at " + request.target()
                            + " is not running with --replSet: start it with --replSet " + request.setName()
                            + " (" + e.describe() + ")");
                case INVALID_REPLICA_SET_CONFIG -> repairMembership(request, apply);
                default -> throw new RejectedException("replSetGetStatus failed: " + e.describe(), e);
            };
        }
        String actualName = status.getString("set", new BsonString("")).getValue();
        if (!actualName.equals(request.setName())) {
            throw nameMismatch(actualName, request.setName());
        }
        if (status.getNumber("myState", new BsonInt32(-1)).intValue() == STATE_REMOVED) {
            return repairMembership(request, apply);
        }
        BsonDocument config = currentConfig().orElseThrow(() -> new RejectedException("replSetGetConfig failed"));
        List<String> hosts = memberHosts(config);
        if (hosts.contains(request.memberHost())) {
            return Action.UNCHANGED;
        }
        if (request.forceReconfig()) {
            return apply ? reconfigure(config, request) : Action.RECONFIGURED;
        }
        throw new InvalidInputException("replica set '" + actualName + "' has member host(s) " + hosts
                + " but the wanted member host is " + request.memberHost()
                + ": rerun with --force-reconfig to replace it");
    }

    /** Plan: initiation would run; a mongod started with another --replSet name refuses it, so say so now. */
    private Action initiationPlanned(ReplicaSetRequest request) {
        Optional<String> startedAs = admin.startupSetName();
        if (startedAs.isPresent() && !startedAs.get().equals(request.setName())) {
            throw nameMismatch(startedAs.get(), request.setName());
        }
        return Action.INITIATED;
    }

    private Action initiateSet(ReplicaSetRequest request) {
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
    private Action repairMembership(ReplicaSetRequest request, boolean apply) {
        if (!request.forceReconfig()) {
            throw new InvalidInputException("this mongod is not a member of its replica-set config any more (code "
                    + INVALID_REPLICA_SET_CONFIG + "/REMOVED: the member host no longer maps to it, e.g. the container"
                    + " got a new hostname): give the mongo service a fixed hostname, or rerun with --force-reconfig"
                    + " to set the member host to " + request.memberHost());
        }
        BsonDocument config = currentConfig()
                .orElseGet(() ->
                        new BsonDocument("_id", new BsonString(request.setName())).append("version", new BsonInt32(1)));
        String configName =
                config.getString("_id", new BsonString(request.setName())).getValue();
        if (!configName.equals(request.setName())) {
            throw nameMismatch(configName, request.setName());
        }
        return apply ? reconfigure(config, request) : Action.RECONFIGURED;
    }

    private Action reconfigure(BsonDocument config, ReplicaSetRequest request) {
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

    private Optional<BsonDocument> currentConfig() {
        try {
            BsonDocument reply = admin.replSetGetConfig();
            return Optional.of(reply.containsKey("config") ? reply.getDocument("config") : reply);
        } catch (AdminCommandException e) {
            return Optional.empty();
        }
    }

    private void waitForWritablePrimary(ReplicaSetRequest request) {
        boolean[] helloUnknown = {false};
        try {
            retry.until(
                    "writable primary",
                    Retry.Policy.waitingUpTo(request.primaryTimeout()),
                    e -> e instanceof NotPrimaryYet || e instanceof NotAnsweringException,
                    waitListener,
                    () -> {
                        BsonDocument reply = helloOrIsMaster(helloUnknown);
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
    private BsonDocument helloOrIsMaster(boolean[] helloUnknown) {
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
