package dev.stackinit.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * The in-process MongoDB stand-in (mongo-java-server, memory backend). It speaks the wire protocol but is NOT MongoDB:
 * no replica set, auth or transactions; collection options, views and capped collections are silently dropped.
 */
public final class EmbeddedMongo implements AutoCloseable {
    public static final String LABEL = "mongo-java-server (in-process stand-in, not MongoDB)";

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo start() {
        return start(0);
    }

    /** @param port 0 for any free port */
    public static EmbeddedMongo start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    /** A direct connection: the stand-in has no replica-set topology to discover. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port() + "/?directConnection=true";
    }

    /** Stops accepting and drops every open connection, as a crashed server would. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
