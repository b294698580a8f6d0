package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.pull.PullService;
import dev.stackinit.shared.PercentEncoding;
import dev.stackinit.shared.SecretMasker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
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
        // a '+' in a password is a plus, not a space (URLDecoder is for HTML forms), and a stray '%' is exit 3 naming
        // the URL masked, not an IllegalArgumentException
        String what = "the database URL " + SecretMasker.urisOnly().mask(url.strip());
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(6) != null && !m.group(6).isEmpty()) {
            for (String pair : m.group(6).split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        decode(eq < 0 ? pair : pair.substring(0, eq), what),
                        eq < 0 ? "" : decode(pair.substring(eq + 1), what));
            }
        }
        String user = m.group(1) != null && !m.group(1).isEmpty() ? decode(m.group(1), what) : params.remove("user");
        String password = m.group(2) != null ? decode(m.group(2), what) : params.remove("password");
        params.remove("user");
        params.remove("password");
        String host = m.group(3).isEmpty() ? "localhost" : m.group(3);
        int port = m.group(4) == null ? 5432 : port(m.group(4), url);
        String database = m.group(5) == null || m.group(5).isEmpty() ? "postgres" : decode(m.group(5), what);
        DatabaseUrl parsed = new DatabaseUrl(
                host,
                port,
                database,
                user == null ? "postgres" : user,
                password == null ? fallbackPassword : password,
                params);
        // what the driver cannot read (PGPORT=abc, an unknown service=) it would log and then refuse as "no suitable
        // driver", a connection error retried until the wait timeout: say so now instead
        if (org.postgresql.Driver.parseURL(parsed.jdbcUrl(), parsed.properties()) == null) {
            throw new InvalidInputException("invalid database URL: the PostgreSQL driver cannot read "
                    + parsed.display() + (params.isEmpty() ? "" : " with parameters " + params.keySet())
                    + " (check the port, host list and service parameters)");
        }
        return parsed;
    }

    /** 1–65535, checked here: the driver would log two java.util.logging lines and fail with a misleading code. */
    private static int port(String digits, String url) {
        int port;
        try {
            port = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("invalid database URL: port " + digits + " is not between 1 and 65535 ("
                    + SecretMasker.urisOnly().mask(url.strip()) + ")");
        }
        return port;
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

    /** For messages: no password. */
    @Override
    public String display() {
        return "postgres://" + user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s, String what) {
        return PercentEncoding.decode(s, what);
    }

    /** The driver's URL parser decodes '+' as a space: a plus must reach it as %2B, which PercentEncoding writes. */
    private static String encode(String s) {
        return PercentEncoding.encode(s);
    }
}
