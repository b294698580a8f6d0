package dev.stackinit.seeder;

import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * The admin commands rs-init needs, against one mongod (direct connection). Failures of a command surface as
 * {@link AdminCommandException} carrying the server's error code; a server that does not answer (yet) as
 * {@link NotAnsweringException}; credentials the server refuses as {@link AuthenticationFailedException}. Passwords
 * travel in command documents only, never in anything a port logs or throws.
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

    /**
     * getCmdLineOpts: mongod's parsed options. Without access control anybody may run it; with access control only an
     * authenticated user with the privilege (not the localhost exception), so code 13 tells that access control is on.
     */
    BsonDocument getCmdLineOpts();

    /** usersInfo of one user: the reply, whose {@code users} array is empty when the user does not exist. */
    BsonDocument usersInfo(String database, String user);

    /** createUser; code 51003 when the user exists already. */
    void createUser(String database, String user, String password, BsonArray roles);

    /** updateUser with a new password only (roles are left alone). */
    void updateUserPassword(String database, String user, String password);

    void grantRolesToUser(String database, String user, BsonArray roles);
}
