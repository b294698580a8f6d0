package dev.stackinit.migrator.jdbc;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.migrator.Bootstrap;
import dev.stackinit.migrator.PasswordVerifier;
import dev.stackinit.webhooks.BootstrapReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The built-in bootstrap, on the admin connection, in one transaction: what the official compose mounts as roles.sql
 * (passwords of authenticator, pgbouncer, supabase_auth_admin, supabase_storage_admin from POSTGRES_PASSWORD) and
 * webhooks.sql (through webhook-config). Each part checks first: a password that already matches is left alone, so a
 * second run changes nothing.
 */
public final class SupabaseBootstrap implements Bootstrap {
    static final List<String> SERVICE_ROLES =
            List.of("authenticator", "pgbouncer", "supabase_auth_admin", "supabase_storage_admin");

    private final Session session;
    private final Optional<String> postgresPassword;
    private final WebhookConfigAdapter webhooks;

    public SupabaseBootstrap(Session session, Optional<String> postgresPassword, WebhookConfigAdapter webhooks) {
        this.session = session;
        this.postgresPassword = postgresPassword.filter(p -> !p.isEmpty());
        this.webhooks = webhooks;
    }

    @Override
    public Result run() {
        return inTransaction(true);
    }

    /**
     * Dry run: the role passwords checked without setting any, and webhook-config's bootstrap tried inside a
     * transaction that is rolled back, so its lines say exactly what a real run would do.
     */
    @Override
    public Result plan() {
        return inTransaction(false);
    }

    /** @param apply commit, or roll back whatever was tried (plan) */
    private Result inTransaction(boolean apply) {
        Connection admin = session.admin();
        try {
            admin.setAutoCommit(false);
            try {
                Result passwords = rolePasswords(admin, apply);
                List<String> lines = new ArrayList<>(passwords.lines());
                BootstrapReport report = webhooks.bootstrap(admin);
                lines.add(
                        !apply && report.changed()
                                ? "database webhooks: would " + steps(report.actions())
                                : report.summary());
                report.warnings().forEach(w -> lines.add("warning: " + w));
                if (apply) {
                    admin.commit();
                } else {
                    admin.rollback();
                }
                return new Result(lines, passwords.changed() || report.changed());
            } catch (RuntimeException | SQLException e) {
                admin.rollback();
                throw e;
            } finally {
                admin.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RejectedException(
                    (apply ? "built-in bootstrap failed: " : "checking the built-in bootstrap failed: ")
                            + e.getMessage()
                            + " (it needs the admin user: --admin-url; or skip it with --no-bootstrap)",
                    e);
        }
    }

    /** The steps, the first few by name: the full list of a fresh database is long. */
    private static String steps(List<String> actions) {
        int shown = Math.min(3, actions.size());
        return "run " + actions.size() + " step(s): " + String.join(", ", actions.subList(0, shown))
                + (actions.size() > shown ? ", and " + (actions.size() - shown) + " more" : "");
    }

    private Result rolePasswords(Connection admin, boolean apply) throws SQLException {
        if (postgresPassword.isEmpty()) {
            return new Result(List.of("role passwords: skipped (POSTGRES_PASSWORD is not set)"), false);
        }
        Map<String, String> stored = new HashMap<>();
        Jdbc.list(
                        admin,
                        "select rolname, coalesce(rolpassword, '') from pg_authid where rolname = any(?)",
                        rs -> Map.entry(rs.getString(1), rs.getString(2)),
                        admin.createArrayOf("text", SERVICE_ROLES.toArray()))
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        List<String> changed = new ArrayList<>();
        for (String role : SERVICE_ROLES) {
            if (stored.containsKey(role) && !PasswordVerifier.matches(stored.get(role), role, postgresPassword.get())) {
                if (apply) {
                    // hashed client-side: the clear password never reaches the server or its logs
                    admin.unwrap(PGConnection.class)
                            .alterUserPassword(role, postgresPassword.get().toCharArray(), null);
                }
                changed.add(role);
            }
        }
        return new Result(
                List.of(
                        changed.isEmpty()
                                ? "role passwords: already set (0 changes)"
                                : "role passwords: " + (apply ? "set" : "would set") + " for "
                                        + String.join(", ", changed)),
                !changed.isEmpty());
    }
}
