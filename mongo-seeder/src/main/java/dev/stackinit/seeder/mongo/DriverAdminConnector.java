package dev.stackinit.seeder.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import dev.stackinit.seeder.AdminConnector;
import dev.stackinit.seeder.AdminPort;
import dev.stackinit.seeder.AuthenticationFailedException;
import dev.stackinit.seeder.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AdminConnector} on the driver: every port a direct connection to the first host of the URI (without its user
 * info), with or without a SCRAM credential. Clients are opened on demand and closed together.
 */
final class DriverAdminConnector implements AdminConnector, AutoCloseable {
    private final ConnectionString withoutUser;
    private final String masked;
    private final Duration attemptTimeout;
    private final List<MongoClient> clients = new ArrayList<>();
    private AdminPort anonymous;

    DriverAdminConnector(ConnectionString withoutUser, String masked, Duration attemptTimeout) {
        this.withoutUser = withoutUser;
        this.masked = masked;
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public AdminPort anonymous() {
        if (anonymous == null) {
            anonymous = new DriverAdminPort(open(null), masked, "an unauthenticated client");
        }
        return anonymous;
    }

    @Override
    public AdminPort authenticated(Credentials credentials) {
        return new DriverAdminPort(open(credentials), masked, "'" + credentials.user() + "'");
    }

    @Override
    public boolean authenticates(Credentials credentials) {
        try (MongoClient client = MongoConnector.openDirect(withoutUser, attemptTimeout, credential(credentials))) {
            // ping needs no privilege: the connection's handshake authenticates before it runs
            new DriverAdminPort(client, masked, "'" + credentials.user() + "'").ping();
            return true;
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    private MongoClient open(Credentials credentials) {
        MongoClient client = MongoConnector.openDirect(withoutUser, attemptTimeout, credential(credentials));
        clients.add(client);
        return client;
    }

    private static MongoCredential credential(Credentials credentials) {
        return credentials == null
                ? null
                : MongoCredential.createCredential(
                        credentials.user(),
                        credentials.source(),
                        credentials.password().toCharArray());
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        clients.clear();
    }
}
