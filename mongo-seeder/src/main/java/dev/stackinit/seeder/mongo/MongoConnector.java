package dev.stackinit.seeder.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ReadPreference;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.SecretMasker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Parses URIs and opens driver clients the way each command needs them. */
public final class MongoConnector {
    private static final Duration ONE_ATTEMPT = Duration.ofSeconds(2);

    private MongoConnector() {}

    /** A parsed URI; malformed ones are invalid input (exit 3), named by option and with the password masked. */
    public static ConnectionString parse(String uri, String option) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidInputException(option + " is not set");
        }
        if (UriCredentials.hasUserWithoutPassword(uri)) {
            String password = option.replace("-uri", "-password");
            throw new InvalidInputException(option + " (" + mask(uri) + ") names a user but no password: give it"
                    + " through " + password + "-file or the variable MONGO_SEEDER_"
                    + password.substring(2).replace('-', '_').toUpperCase(Locale.ROOT) + " (or in the URI, set in the"
                    + " environment)");
        }
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "malformed MongoDB URI in " + option + " (" + mask(uri) + "): " + e.getMessage(), e);
        }
    }

    public static String mask(String uri) {
        return SecretMasker.urisOnly().mask(uri);
    }

    /** Hosts without credentials, normalised, so that two spellings of one server compare equal. */
    public static String location(ConnectionString uri) {
        return uri.getHosts().stream()
                .map(host -> {
                    ServerAddress address = new ServerAddress(host);
                    String name = address.getHost().toLowerCase(Locale.ROOT);
                    name = name.equals("localhost") || name.equals("[::1]") ? "127.0.0.1" : name;
                    return name + ":" + address.getPort();
                })
                .sorted()
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    /** The server's version from buildInfo ({@code unknown} when it does not say). */
    public static String serverVersion(MongoClient client) {
        org.bson.BsonDocument info = client.getDatabase("admin")
                .runCommand(
                        new org.bson.BsonDocument("buildInfo", new org.bson.BsonInt32(1)), org.bson.BsonDocument.class);
        return info.isString("version") ? info.getString("version").getValue() : "unknown";
    }

    /** For clone/export/import: the URI as given; a read preference of secondaryPreferred unless the URI sets one. */
    public static MongoClient open(ConnectionString uri, Duration serverSelectionTimeout, boolean preferSecondary) {
        MongoClientSettings.Builder settings = base(uri, serverSelectionTimeout);
        if (preferSecondary && uri.getReadPreference() == null) {
            settings.readPreference(ReadPreference.secondaryPreferred());
        }
        return MongoClients.create(settings.build());
    }

    /** For rs-init: always a direct connection to the first host, whatever the URI says about the set. */
    public static MongoClient openDirect(ConnectionString uri, Duration serverSelectionTimeout) {
        return openDirect(uri, serverSelectionTimeout, null);
    }

    /** The same, authenticating as {@code credential} when it is not null (the URI's own credentials otherwise). */
    static MongoClient openDirect(ConnectionString uri, Duration serverSelectionTimeout, MongoCredential credential) {
        MongoClientSettings.Builder settings = base(uri, serverSelectionTimeout);
        if (credential != null) {
            settings.credential(credential);
        }
        settings.applyToClusterSettings(cluster -> cluster.hosts(
                        List.of(new ServerAddress(uri.getHosts().get(0))))
                .mode(ClusterConnectionMode.SINGLE)
                .requiredReplicaSetName(null));
        return MongoClients.create(settings.build());
    }

    private static MongoClientSettings.Builder base(ConnectionString uri, Duration serverSelectionTimeout) {
        // --wait-timeout 0s is one attempt: to the driver a 0 would mean "fail before the first connection" for server
        // selection and "wait forever" for connecting, so one attempt gets the time a single connection needs
        Duration wait = serverSelectionTimeout.isZero() ? ONE_ATTEMPT : serverSelectionTimeout;
        return MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applicationName("mongo-seeder")
                .applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket ->
                        socket.connectTimeout((int) Math.min(wait.toMillis(), 10_000), TimeUnit.MILLISECONDS));
    }
}
