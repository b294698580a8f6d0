package dev.stackinit.seeder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/** A scripted mongod: each field says how one admin command answers; calls are recorded in order. */
final class FakeAdminPort implements AdminPort {
    int pingFailures;
    boolean neverAnswers;
    BsonDocument status;
    AdminCommandException statusError;
    AdminCommandException initiateError;
    AdminCommandException reconfigError;
    BsonDocument config;
    boolean helloUnknown;
    int notPrimaryAnswers;
    boolean neverPrimary;
    Optional<String> startupSetName = Optional.empty();

    final List<String> calls = new ArrayList<>();
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

    @Override
    public void ping() {
        calls.add("ping");
        if (neverAnswers || pingFailures-- > 0) {
            throw new NotAnsweringException("connection refused", null);
        }
    }

    @Override
    public BsonDocument replSetGetStatus() {
        calls.add("replSetGetStatus");
        if (statusError != null) {
            throw statusError;
        }
        return status;
    }

    @Override
    public void replSetInitiate(BsonDocument config) {
        calls.add("replSetInitiate");
        initiated.add(config);
        if (initiateError != null) {
            throw initiateError;
        }
    }

    @Override
    public BsonDocument replSetGetConfig() {
        calls.add("replSetGetConfig");
        if (config == null) {
            throw error(AdminCommandException.NOT_YET_INITIALIZED, "NotYetInitialized");
        }
        return new BsonDocument("config", config);
    }

    @Override
    public void replSetReconfig(BsonDocument config, boolean force) {
        calls.add("replSetReconfig force=" + force);
        reconfigured.add(config);
        if (reconfigError != null) {
            throw reconfigError;
        }
    }

    @Override
    public BsonDocument hello() {
        calls.add("hello");
        if (helloUnknown) {
            throw error(AdminCommandException.COMMAND_NOT_FOUND, "CommandNotFound");
        }
        return new BsonDocument("isWritablePrimary", BsonBoolean.valueOf(primaryNow()));
    }

    @Override
    public BsonDocument isMaster() {
        calls.add("isMaster");
        return new BsonDocument("ismaster", BsonBoolean.valueOf(primaryNow()));
    }

    private boolean primaryNow() {
        return !neverPrimary && notPrimaryAnswers-- <= 0;
    }

    @Override
    public Optional<String> startupSetName() {
        calls.add("getCmdLineOpts");
        return startupSetName;
    }
}
