package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.pull.PullService;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PostgreSQL address from {@code postgres://user:pw@host:port/db?…} or {@code jdbc:postgresql://host:port/db?user=…}.
 * User and password are kept apart from the JDBC URL so the user can be swapped (admin connection) and nothing secret is
 * printed.
 */
public record DatabaseUrl(
        String host, int port, String database, String user, String password, Map<String, String> params)
        implements PullService.Source {
    private static final Pattern URL = Pattern.compile(
            "^(?:jdbc:)?postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?(\\[[^]]+]|[^:/?]*)(?::(\\d+))?(?:/([^?]*))?(?:\\?(.*))?$");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public DatabaseUrl {
        params = Map.copyOf(params);
    }

    /**
     * @param fallbackPassword used when the URL has none (PGPASSWORD / POSTGRES_PASSWORD)
     */
    public static DatabaseUrl parse(String url, String fallbackPassword) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new UsageException("not a PostgreSQL URL (postgres://user:password@host:port/db or"
                    + " jdbc:postgresql://host:port/db): " + url.replaceAll(":[^:@/]*@", ":****@"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(6) != null && !m.group(6).isEmpty()) {
            for (String pair : m.group(6).split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String user = m.group(1) != null && !m.group(1).isEmpty() ? decode(m.group(1)) : params.remove("user");
        String password = m.group(2) != null ? decode(m.group(2)) : params.remove("password");
        params.remove("user");
        params.remove("password");
        String host = m.group(3).isEmpty() ? "localhost" : m.group(3);
        int port = m.group(4) == null ? 5432 : Integer.parseInt(m.group(4));
        String database = m.group(5) == null || m.group(5).isEmpty() ? "postgres" : decode(m.group(5));
        return new DatabaseUrl(
                host,
                port,
                database,
                user == null ? "postgres" : user,
                password == null ? fallbackPassword : password,
                params);
    }

    public String jdbcUrl() {
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "supabase-migrator");
        return properties;
    }

    /** One connection, no waiting (see {@link Connector} for that). */
    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    public DatabaseUrl withDatabase(String other) {
        return new DatabaseUrl(host, port, other, user, password, params);
    }

    public DatabaseUrl withPassword(String other) {
        return new DatabaseUrl(host, port, database, user, other, params);
    }

    public DatabaseUrl withUser(String other) {
        return new DatabaseUrl(host, port, database, other, password, params);
    }

    /** Loopback only: where clean may run. */
    public boolean isLocal() {
        return LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** For messages: no password. */
    @Override
    public String display() {
        return "postgres://" + user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
