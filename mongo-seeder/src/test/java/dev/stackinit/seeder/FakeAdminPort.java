package dev.stackinit.seeder;

import static dev.stackinit.seeder.AdminCommandException.UNAUTHORIZED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * A scripted mongod: each field says how one admin command answers; calls are recorded in order. It is also the
 * connector ({@link #connector()}): with {@link #accessControl} on it authorizes as mongod does (mongo/db/auth: authorization_session_impl,
 * authz_session_external_state_server_common): ping, hello and isMaster need nothing; without users, a localhost
 * client gets the localhost exception's privileges (replSetGetStatus, replSetConfigure, createUser and grantRole on
 * admin); an authenticated user gets everything unless it holds only readWrite roles (then 13, as an app user gets); anything else is 13 Unauthorized. Credentials that do not match a
 * user fail the connection's authentication, as the driver's handshake does.
 */
final class FakeAdminPort implements AdminPort {
    private static final Set<String> NEEDS_NOTHING = Set.of("ping", "hello", "isMaster");
    private static final Set<String> LOCALHOST_EXCEPTION =
            Set.of("replSetGetStatus", "replSetInitiate", "replSetReconfig", "createUser");
    private static final Set<String> ADMIN_ROLES =
            Set.of("root", "clusterAdmin", "clusterManager", "clusterMonitor", "userAdminAnyDatabase");

    int pingFailures;
    boolean neverAnswers;
    BsonDocument status;
    AdminCommandException statusError;
    AdminCommandException initiateError;
    AdminCommandException reconfigError;
    AdminCommandException createUserError;
    BsonDocument config;
    boolean helloUnknown;
    int notPrimaryAnswers;
    boolean neverPrimary;
    Optional<String> startupSetName = Optional.empty();
    /** Commands after which the node stops answering (a lost connection); -1: never. */
    int answersBeforeLost = -1;

    /** mongod runs with --keyFile (or --auth). */
    boolean accessControl;
    /** The tool's connections come from mongod's own host (the localhost exception can apply). */
    boolean localhost = true;
    /** Users of the admin database: name → password, and name → roles. */
    final Map<String, String> users = new LinkedHashMap<>();

    final Map<String, BsonArray> roles = new LinkedHashMap<>();
    /** Users another client creates just before our createUser of the same name (a race): name → password. */
    final Map<String, String> createdByOthersFirst = new LinkedHashMap<>();

    final List<String> calls = new ArrayList<>();
    /** Every call with who made it: "anonymous:createUser", "root:usersInfo". */
    final List<String> log = new ArrayList<>();

    final List<BsonDocument> initiated = new ArrayList<>();
    final List<BsonDocument> reconfigured = new ArrayList<>();

    static AdminCommandException error(int code, String name) {
        return new AdminCommandException(code, name, "scripted " + name);
    }

    static BsonDocument status(String set, int myState) {
        return new BsonDocument("set", new BsonString(set)).append("myState", new BsonInt32(myState));
    }

    static BsonDocument config(String set, String... hosts) {
        BsonArray members = new BsonArray();
        for (int i = 0; i < hosts.length; i++) {
            members.add(new BsonDocument("_id", new BsonInt32(i)).append("host", new BsonString(hosts[i])));
        }
        return new BsonDocument("_id", new BsonString(set))
                .append("version", new BsonInt32(3))
                .append("members", members);
    }

    /** An initiated, healthy single-member set rs0 with member mongo:27017. */
    FakeAdminPort healthy() {
        statusError = null;
        status = status("rs0", 1);
        config = config("rs0", "mongo:27017");
        return this;
    }

    FakeAdminPort user(String name, String password, String... readWriteOn) {
        users.put(name, password);
        BsonArray granted = new BsonArray();
        for (String db : readWriteOn) {
            granted.add(new BsonDocument("role", new BsonString("readWrite")).append("db", new BsonString(db)));
        }
        roles.put(name, granted);
        return this;
    }

    // ---------------------------------------------------------------- AdminConnector

    /** Connections to this node: unauthenticated (this port itself) or as a user. */
    AdminConnector connector() {
        return new AdminConnector() {
            @Override
            public AdminPort anonymous() {
                return FakeAdminPort.this;
            }

            @Override
            public AdminPort authenticated(Credentials credentials) {
                return new Session(credentials);
            }

            @Override
            public boolean authenticates(Credentials credentials) {
                log.add(credentials.user() + ":authenticate");
                return credentials.password().equals(users.get(credentials.user()));
            }
        };
    }

    /** A connection authenticated as one user: the same node, other rights. */
    private final class Session implements AdminPort {
        private final Credentials who;

        Session(Credentials who) {
            this.who = who;
        }

        @Override
        public void ping() {
            FakeAdminPort.this.onPing(who);
        }

        @Override
        public BsonDocument replSetGetStatus() {
            return FakeAdminPort.this.onReplSetGetStatus(who);
        }

        @Override
        public void replSetInitiate(BsonDocument config) {
            FakeAdminPort.this.onReplSetInitiate(who, config);
        }

        @Override
        public BsonDocument replSetGetConfig() {
            return FakeAdminPort.this.onReplSetGetConfig(who);
        }

        @Override
        public void replSetReconfig(BsonDocument config, boolean force) {
            FakeAdminPort.this.onReplSetReconfig(who, config, force);
        }

        @Override
        public BsonDocument hello() {
            return FakeAdminPort.this.onHello(who);
        }

        @Override
        public BsonDocument isMaster() {
            return FakeAdminPort.this.onIsMaster(who);
        }

        @Override
        public Optional<String> startupSetName() {
            return FakeAdminPort.this.onStartupSetName(who);
        }

        @Override
        public BsonDocument getCmdLineOpts() {
            return FakeAdminPort.this.onGetCmdLineOpts(who);
        }

        @Override
        public BsonDocument usersInfo(String database, String user) {
            return FakeAdminPort.this.onUsersInfo(who, user);
        }

        @Override
        public void createUser(String database, String user, String password, BsonArray granted) {
            FakeAdminPort.this.onCreateUser(who, user, password, granted);
        }

        @Override
        public void updateUserPassword(String database, String user, String password) {
            FakeAdminPort.this.onUpdateUserPassword(who, user, password);
        }

        @Override
        public void grantRolesToUser(String database, String user, BsonArray granted) {
            FakeAdminPort.this.onGrantRolesToUser(who, user, granted);
        }
    }

    // ---------------------------------------------------------------- AdminPort, unauthenticated

    @Override
    public void ping() {
        onPing(null);
    }

    @Override
    public BsonDocument replSetGetStatus() {
        return onReplSetGetStatus(null);
    }

    @Override
    public void replSetInitiate(BsonDocument config) {
        onReplSetInitiate(null, config);
    }

    @Override
    public BsonDocument replSetGetConfig() {
        return onReplSetGetConfig(null);
    }

    @Override
    public void replSetReconfig(BsonDocument config, boolean force) {
        onReplSetReconfig(null, config, force);
    }

    @Override
    public BsonDocument hello() {
        return onHello(null);
    }

    @Override
    public BsonDocument isMaster() {
        return onIsMaster(null);
    }

    @Override
    public Optional<String> startupSetName() {
        return onStartupSetName(null);
    }

    @Override
    public BsonDocument getCmdLineOpts() {
        return onGetCmdLineOpts(null);
    }

    @Override
    public BsonDocument usersInfo(String database, String user) {
        return onUsersInfo(null, user);
    }

    @Override
    public void createUser(String database, String user, String password, BsonArray granted) {
        onCreateUser(null, user, password, granted);
    }

    @Override
    public void updateUserPassword(String database, String user, String password) {
        onUpdateUserPassword(null, user, password);
    }

    @Override
    public void grantRolesToUser(String database, String user, BsonArray granted) {
        onGrantRolesToUser(null, user, granted);
    }

    // ---------------------------------------------------------------- the node

    private void call(Credentials who, String command) {
        calls.add(command);
        log.add((who == null ? "anonymous" : who.user()) + ":" + command);
        if (answersBeforeLost == 0) {
            throw new NotAnsweringException("connection reset", null);
        }
        if (answersBeforeLost > 0) {
            answersBeforeLost--;
        }
        String name = command.split(" ")[0];
        if (who != null) {
            if (!who.password().equals(users.get(who.user()))) {
                throw new AuthenticationFailedException("scripted: credentials of '" + who.user() + "' refused", null);
            }
            if (!NEEDS_NOTHING.contains(name) && !administers(who.user())) {
                throw error(UNAUTHORIZED, "Unauthorized");
            }
            return;
        }
        if (!accessControl || NEEDS_NOTHING.contains(name)) {
            return;
        }
        if (localhost && users.isEmpty() && LOCALHOST_EXCEPTION.contains(name)) {
            return;
        }
        throw error(UNAUTHORIZED, "Unauthorized");
    }

    /**
     * Whether a user may run the admin commands: a user given with no roles (the tests' shorthand for root) or one
     * holding a root or cluster role; a user with only readWrite roles (an app user) gets 13 as on mongod.
     */
    private boolean administers(String user) {
        BsonArray granted = roles.getOrDefault(user, new BsonArray());
        return granted.isEmpty()
                || granted.stream()
                        .map(role -> role.asDocument().getString("role").getValue())
                        .anyMatch(ADMIN_ROLES::contains);
    }

    private void onPing(Credentials who) {
        if (neverAnswers || pingFailures-- > 0) {
            calls.add("ping");
            throw new NotAnsweringException("connection refused", null);
        }
        call(who, "ping");
    }

    private BsonDocument onReplSetGetStatus(Credentials who) {
        call(who, "replSetGetStatus");
        if (statusError != null) {
            throw statusError;
        }
        return status;
    }

    private void onReplSetInitiate(Credentials who, BsonDocument config) {
        call(who, "replSetInitiate");
        initiated.add(config);
        if (initiateError != null) {
            throw initiateError;
        }
        // the node now is what it was told to be
        statusError = null;
        status = status(config.getString("_id").getValue(), 1);
        this.config = config.clone().append("version", new BsonInt32(1));
    }

    private BsonDocument onReplSetGetConfig(Credentials who) {
        call(who, "replSetGetConfig");
        if (config == null) {
            throw error(AdminCommandException.NOT_YET_INITIALIZED, "NotYetInitialized");
        }
        return new BsonDocument("config", config);
    }

    private void onReplSetReconfig(Credentials who, BsonDocument config, boolean force) {
        call(who, "replSetReconfig force=" + force);
        reconfigured.add(config);
        if (reconfigError != null) {
            throw reconfigError;
        }
    }

    private BsonDocument onHello(Credentials who) {
        call(who, "hello");
        if (helloUnknown) {
            throw error(AdminCommandException.COMMAND_NOT_FOUND, "CommandNotFound");
        }
        return new BsonDocument("isWritablePrimary", BsonBoolean.valueOf(primaryNow()));
    }

    private BsonDocument onIsMaster(Credentials who) {
        call(who, "isMaster");
        return new BsonDocument("ismaster", BsonBoolean.valueOf(primaryNow()));
    }

    private boolean primaryNow() {
        return !neverPrimary && notPrimaryAnswers-- <= 0;
    }

    private Optional<String> onStartupSetName(Credentials who) {
        try {
            call(who, "getCmdLineOpts");
        } catch (AdminCommandException e) {
            return Optional.empty();
        }
        return startupSetName;
    }

    private BsonDocument onGetCmdLineOpts(Credentials who) {
        call(who, "getCmdLineOpts");
        BsonDocument security =
                accessControl ? new BsonDocument("keyFile", new BsonString("/etc/mongo/keyfile")) : new BsonDocument();
        return new BsonDocument("parsed", new BsonDocument("security", security));
    }

    private BsonDocument onUsersInfo(Credentials who, String user) {
        call(who, "usersInfo " + user);
        BsonArray found = new BsonArray();
        if (users.containsKey(user)) {
            found.add(new BsonDocument("user", new BsonString(user))
                    .append("db", new BsonString("admin"))
                    .append("roles", roles.get(user).clone()));
        }
        return new BsonDocument("users", found);
    }

    private void onCreateUser(Credentials who, String user, String password, BsonArray granted) {
        call(who, "createUser " + user);
        if (createUserError != null) {
            throw createUserError;
        }
        if (createdByOthersFirst.containsKey(user)) {
            users.put(user, createdByOthersFirst.remove(user));
            roles.put(user, new BsonArray());
        }
        if (users.containsKey(user)) {
            throw error(AdminCommandException.USER_ALREADY_EXISTS, "Location51003");
        }
        users.put(user, password);
        roles.put(user, granted.clone());
    }

    private void onUpdateUserPassword(Credentials who, String user, String password) {
        call(who, "updateUser " + user);
        if (!users.containsKey(user)) {
            throw error(AdminCommandException.USER_NOT_FOUND, "UserNotFound");
        }
        users.put(user, password);
    }

    private void onGrantRolesToUser(Credentials who, String user, BsonArray granted) {
        call(who, "grantRolesToUser " + user);
        granted.forEach(role -> {
            if (!roles.get(user).contains(role)) {
                roles.get(user).add(role);
            }
        });
    }
}
