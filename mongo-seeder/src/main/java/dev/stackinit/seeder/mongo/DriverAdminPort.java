package dev.stackinit.seeder.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.AdminCommandException;
import dev.stackinit.seeder.AdminPort;
import dev.stackinit.seeder.NotAnsweringException;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/** {@link AdminPort} on the driver: admin-database commands, error codes kept as they come. */
public final class DriverAdminPort implements AdminPort {
    private final MongoDatabase admin;
    private final String server;

    public DriverAdminPort(MongoClient client, String maskedUri) {
        this.admin = client.getDatabase("admin");
        this.server = maskedUri;
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
    public Optional<String> startupSetName() {
        try {
            BsonDocument replication = command(new BsonDocument("getCmdLineOpts", new BsonInt32(1)))
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
        try {
            return admin.runCommand(command, BsonDocument.class);
        } catch (MongoSecurityException e) {
            throw new InvalidInputException("authentication failed on " + server + " (check the URI's credentials)", e);
        } catch (MongoCommandException e) {
            throw new AdminCommandException(e.getErrorCode(), e.getErrorCodeName(), e.getErrorMessage());
        } catch (MongoTimeoutException | MongoSocketException e) {
            throw new NotAnsweringException(server + " did not answer", e);
        }
    }
}
