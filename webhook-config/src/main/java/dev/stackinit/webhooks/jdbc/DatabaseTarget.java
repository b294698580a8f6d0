package dev.stackinit.webhooks.jdbc;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.PercentEncoding;
import dev.stackinit.shared.SecretMasker;

/**
 * Where to connect: a JDBC URL plus the user and password taken out of a {@code postgres://user:pw@host:port/db}
 * URL (percent-decoded), or a {@code jdbc:postgresql://} URL as is. {@link #toString()} never shows the password.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {
    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public static DatabaseTarget parse(String url) {
        return readable(parseUnchecked(url));
    }

    /**
     * Refuses what the driver cannot read (a port outside 1–65535, PGPORT=abc, an unknown service): it would log two
     * java.util.logging lines and answer "no suitable driver", a connection error retried until the wait timeout.
     */
    private static DatabaseTarget readable(DatabaseTarget target) {
        java.util.Properties properties = new java.util.Properties();
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        if (org.postgresql.Driver.parseURL(target.jdbcUrl(), properties) == null) {
            throw new InvalidInputException("invalid database URL " + target
                    + ": the PostgreSQL driver cannot read it (check the port, 1-65535, and the parameters)");
        }
        return target;
    }

    private static DatabaseTarget parseUnchecked(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith(JDBC_PREFIX)) {
            return new DatabaseTarget(trimmed, null, null);
        }
        int scheme = trimmed.indexOf("://");
        String name = scheme < 0 ? "" : trimmed.substring(0, scheme);
        if (!name.equals("postgres") && !name.equals("postgresql")) {
            throw new InvalidInputException("database URL must start with postgres://, postgresql:// or " + JDBC_PREFIX
                    + "//, got '" + SecretMasker.urisOnly().mask(trimmed) + "'");
        }
        String rest = trimmed.substring(scheme + 3);
        int pathStart = firstOf(rest, '/', '?');
        String authority = rest.substring(0, pathStart);
        String path = rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            String what = "invalid database URL " + SecretMasker.urisOnly().mask(trimmed);
            user = PercentEncoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), what);
            password = colon < 0 ? null : PercentEncoding.decode(userInfo.substring(colon + 1), what);
        }
        String hostPort = authority.substring(at + 1);
        if (hostPort.isEmpty()) {
            hostPort = "localhost";
        }
        if (path.isEmpty() || path.startsWith("?")) {
            path = "/postgres" + path;
        }
        return new DatabaseTarget(JDBC_PREFIX + "//" + hostPort + path, user, password);
    }

    public DatabaseTarget withPassword(String newPassword) {
        return new DatabaseTarget(jdbcUrl, user, newPassword);
    }

    private static int firstOf(String text, char a, char b) {
        int first = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                first = i;
                break;
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return SecretMasker.urisOnly().mask(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
