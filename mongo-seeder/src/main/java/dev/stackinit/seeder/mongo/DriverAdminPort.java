package dev.stackinit.seeder.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import dev.stackinit.seeder.AdminCommandException;
import dev.stackinit.seeder.AdminPort;
import dev.stackinit.seeder.AuthenticationFailedException;
import dev.stackinit.seeder.NotAnsweringException;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/** {@link AdminPort} on the driver: admin-database commands, error codes kept as they come. */
public final class DriverAdminPort implements AdminPort {
    private final MongoClient client;
    private final String server;
    private final String who;

    /**
     * @param maskedUri the server, for messages
     * @param who the user the client authenticates as, or "an unauthenticated client", for messages
     */
    public DriverAdminPort(MongoClient client, String maskedUri, String who) {
        this.client = client;
        this.server = maskedUri;
        this.who = who;
    }

    @Override
    public void ping() {
        command(new BsonDocument("ping", new BsonInt32(1)));
    }

    @Override
    public BsonDocument replSetGetStatus() {
        return command(new BsonDocument("replSetGetStatus", new BsonInt32(1)));
    }

    @Override
    public void replSetInitiate(BsonDocument config) {
        command(new BsonDocument("replSetInitiate", config));
    }

    @Override
    public BsonDocument replSetGetConfig() {
        return command(new BsonDocument("replSetGetConfig", new BsonInt32(1)));
    }

    @Override
    public void replSetReconfig(BsonDocument config, boolean force) {
        command(new BsonDocument("replSetReconfig", config).append("force", BsonBoolean.valueOf(force)));
    }

    @Override
    public BsonDocument hello() {
        return command(new BsonDocument("hello", new BsonInt32(1)));
    }

    @Override
    public BsonDocument isMaster() {
        return command(new BsonDocument("isMaster", new BsonInt32(1)));
    }

    @Override
    public BsonDocument getCmdLineOpts() {
        return command(new BsonDocument("getCmdLineOpts", new BsonInt32(1)));
    }

    @Override
    public BsonDocument usersInfo(String database, String user) {
        return command(
                database,
                new BsonDocument(
                        "usersInfo",
                        new BsonDocument("user", new BsonString(user)).append("db", new BsonString(database))));
    }

    @Override
    public void createUser(String database, String user, String password, BsonArray roles) {
        command(
                database,
                new BsonDocument("createUser", new BsonString(user))
                        .append("pwd", new BsonString(password))
                        .append("roles", roles));
    }

    @Override
    public void updateUserPassword(String database, String user, String password) {
        command(database, new BsonDocument("updateUser", new BsonString(user)).append("pwd", new BsonString(password)));
    }

    @Override
    public void grantRolesToUser(String database, String user, BsonArray roles) {
        command(database, new BsonDocument("grantRolesToUser", new BsonString(user)).append("roles", roles));
    }

    @Override
    public Optional<String> startupSetName() {
        try {
            BsonDocument replication = getCmdLineOpts()
                    .getDocument("parsed", new BsonDocument())
                    .getDocument("replication", new BsonDocument());
            for (String key : new String[] {"replSetName", "replSet"}) {
                if (replication.isString(key)) {
                    return Optional.of(replication.getString(key).getValue());
                }
            }
            return Optional.empty();
        } catch (AdminCommandException e) {
            return Optional.empty();
        }
    }

    private BsonDocument command(BsonDocument command) {
        return command("admin", command);
    }

    /** Error texts of the driver never carry a command's fields, so a password in one stays out of every message. */
    private BsonDocument command(String database, BsonDocument command) {
        try {
            return client.getDatabase(database).runCommand(command, BsonDocument.class);
        } catch (MongoSecurityException e) {
            throw new AuthenticationFailedException(
                    "the server refused the credentials of " + who + " (" + causeCode(e) + ")", e);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == AdminCommandException.AUTHENTICATION_FAILED) {
                throw new AuthenticationFailedException("the server refused the credentials of " + who, e);
            }
            throw new AdminCommandException(e.getErrorCode(), e.getErrorCodeName(), e.getErrorMessage());
        } catch (MongoTimeoutException e) {
            // a login refused while the driver selected the server comes back as a timeout naming the security
            // exception (see MongoFailures): refused credentials, not a server that does not answer
            if (e.getMessage() != null && e.getMessage().contains(MongoSecurityException.class.getName())) {
                throw new AuthenticationFailedException("the server refused the credentials of " + who, e);
            }
            throw new NotAnsweringException(server + " did not answer", e);
        } catch (MongoSocketException e) {
            throw new NotAnsweringException(server + " did not answer", e);
        }
    }

    private static String causeCode(MongoSecurityException e) {
        return e.getCause() instanceof MongoCommandException command
                ? "code " + command.getErrorCode() + " " + command.getErrorCodeName()
                : e.getMessage();
    }
}
