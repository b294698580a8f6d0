package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * Where the PostgreSQL driver would really connect, for the commands that drop everything ({@code clean},
 * {@code reset}): every host must be this machine. The hosts come from the driver's own URL parser
 * ({@link Driver#parseURL}), run on the exact URL and properties the connection uses, so what it reads, this check
 * reads: the URL's host and host lists ({@code h1,h2}), {@code PGHOST=} and {@code host=} in the query (the last one
 * wins, over the URL's host too), and a {@code service=} entry of a pg_service file (found by PGSERVICEFILE,
 * PGSYSCONFDIR or the {@code org.postgresql.pgservicefile} property). The driver reads no PGHOST or PGHOSTADDR from the
 * environment. Names are resolved, and every address must be loopback. Whatever else could send the bytes elsewhere is
 * refused: a {@code socketFactory} (it decides where to connect) and a JVM-wide SOCKS proxy.
 */
public final class LocalOnly {
    /** Resolves a name the way the driver will (the JDK resolver); a seam for tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Query parameters that name a host in libpq or pgjdbc, whether or not the driver reads them. */
    private static final Set<String> HOST_PARAMETERS = Set.of("host", "pghost", "hostaddr", "pghostaddr");

    private static final Set<String> ROUTING_PARAMETERS = Set.of("socketfactory", "socketfactoryarg");

    private final Resolver resolver;
    private final Map<String, String> systemProperties;

    public LocalOnly(Resolver resolver, Map<String, String> systemProperties) {
        this.resolver = resolver;
        this.systemProperties = Map.copyOf(systemProperties);
    }

    /** With the JDK resolver and this JVM's proxy settings. */
    public static LocalOnly system() {
        Map<String, String> proxy = new java.util.HashMap<>();
        for (String name : List.of("socksProxyHost", "socksProxyPort")) {
            String value = System.getProperty(name);
            if (value != null) {
                proxy.put(name, value);
            }
        }
        return new LocalOnly(InetAddress::getAllByName, proxy);
    }

    /**
     * Refuses (exit 3) unless every host the driver would connect to is loopback.
     *
     * @param command what is refused, for the message ({@code clean}, {@code reset})
     */
    public void check(DatabaseUrl url, String command) {
        for (String key : url.params().keySet()) {
            if (ROUTING_PARAMETERS.contains(key.toLowerCase(Locale.ROOT))) {
                throw refused(command, "the URL sets " + key + ", which decides where the connection goes");
            }
        }
        if (systemProperties.containsKey("socksProxyHost")) {
            throw refused(command, "a SOCKS proxy (socksProxyHost) would carry the connection elsewhere");
        }
        for (String host : hosts(url, command)) {
            String problem = problem(host);
            if (problem != null) {
                throw refused(command, problem);
            }
        }
    }

    /** Every host: what the driver will use, plus any host-like parameter it ignores (checked all the same). */
    List<String> hosts(DatabaseUrl url, String command) {
        Properties parsed = Driver.parseURL(url.jdbcUrl(), url.properties());
        if (parsed == null) {
            throw refused(command, "the PostgreSQL driver cannot read the URL " + url.display());
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : parsed.getProperty("PGHOST", "localhost").split(",")) {
            hosts.add(host.strip());
        }
        url.params().forEach((key, value) -> {
            if (HOST_PARAMETERS.contains(key.toLowerCase(Locale.ROOT))) {
                for (String host : value.split(",")) {
                    hosts.add(host.strip());
                }
            }
        });
        return new ArrayList<>(hosts);
    }

    /** Why the host is not this machine, or null when every address it has is loopback. */
    private String problem(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.isEmpty()) {
            return "an empty host name";
        }
        if (name.startsWith("/")) {
            // a libpq socket folder: pgjdbc has no Unix sockets without a socketFactory, which is refused above
            return "host " + name + " is a Unix socket folder, which the JDBC driver cannot use";
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return "host " + name + " does not resolve, so it cannot be shown to be this machine";
        }
        if (addresses.length == 0) {
            return "host " + name + " has no address";
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return "host " + name + " is " + address.getHostAddress() + ", not this machine";
            }
        }
        return null;
    }

    private static InvalidInputException refused(String command, String why) {
        return new InvalidInputException(command + " refused: " + why + " (" + command + " runs on a local database"
                + " only: localhost, 127.0.0.1, ::1; drop objects on shared databases by hand)");
    }
}
