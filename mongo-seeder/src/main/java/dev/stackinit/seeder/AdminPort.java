package dev.stackinit.seeder;

import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The admin commands rs-init needs, against one mongod (direct connection). Failures of a command surface as
 * {@link AdminCommandException} carrying the server's error code; a server that does not answer (yet) as
 * {@link NotAnsweringException}.
 */
public interface AdminPort {
    void ping();

    BsonDocument replSetGetStatus();

    void replSetInitiate(BsonDocument config);

    BsonDocument replSetGetConfig();

    void replSetReconfig(BsonDocument config, boolean force);

    BsonDocument hello();

    BsonDocument isMaster();

    /** The {@code --replSet} name mongod was started with, if it tells (getCmdLineOpts). */
    Optional<String> startupSetName();
}
