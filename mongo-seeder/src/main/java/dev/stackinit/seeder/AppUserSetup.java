package dev.stackinit.seeder;

import static dev.stackinit.seeder.AdminCommandException.USER_ALREADY_EXISTS;

import dev.stackinit.errors.RejectedException;
import dev.stackinit.seeder.ReplicaSetResult.AppUserChange;
import dev.stackinit.seeder.ReplicaSetResult.AppUserResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Keeps the app user: created when missing; the readWrite roles it lacks granted (roles found beyond them are kept and
 * named, never revoked); the password set again when it no longer authenticates, which is how a rotated password in
 * .env reaches mongod. A second run with the same settings changes nothing.
 */
final class AppUserSetup {
    private final AdminPort admin;
    private final AdminConnector connector;

    AppUserSetup(AdminPort admin, AdminConnector connector) {
        this.admin = admin;
        this.connector = connector;
    }

    AppUserResult ensure(AppUser app) {
        List<AppUserChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BsonArray wanted = readWrite(app.databases());
        BsonDocument existing = find(app);
        if (existing == null) {
            try {
                admin.createUser(Credentials.ADMIN, app.user(), app.password(), wanted);
                changes.add(AppUserChange.CREATED);
                return new AppUserResult(app.user(), app.databases(), changes, notes);
            } catch (AdminCommandException e) {
                if (e.code() != USER_ALREADY_EXISTS) {
                    throw rejected("createUser", app, e);
                }
                existing = find(app); // created by someone else a moment ago: check it like any existing user
            }
        }
        Set<BsonValue> has = new LinkedHashSet<>(existing.getArray("roles", new BsonArray()).stream()
                .map(AppUserSetup::role)
                .toList());
        BsonArray missing = new BsonArray();
        wanted.stream().filter(role -> !has.contains(role)).forEach(missing::add);
        if (!missing.isEmpty()) {
            try {
                admin.grantRolesToUser(Credentials.ADMIN, app.user(), missing);
            } catch (AdminCommandException e) {
                throw rejected("grantRolesToUser", app, e);
            }
            changes.add(AppUserChange.ROLES_GRANTED);
        }
        List<String> extra = has.stream()
                .filter(role -> !wanted.contains(role))
                .map(AppUserSetup::describe)
                .toList();
        if (!extra.isEmpty()) {
            notes.add("app user '" + app.user() + "' also has " + String.join(", ", extra)
                    + ": kept (rs-init grants readWrite on " + app.databases() + " and revokes nothing)");
        }
        if (!connector.authenticates(app.credentials())) {
            try {
                admin.updateUserPassword(Credentials.ADMIN, app.user(), app.password());
            } catch (AdminCommandException e) {
                throw rejected("updateUser", app, e);
            }
            changes.add(AppUserChange.PASSWORD_UPDATED);
        }
        return new AppUserResult(app.user(), app.databases(), changes, notes);
    }

    private BsonDocument find(AppUser app) {
        try {
            BsonArray users = admin.usersInfo(Credentials.ADMIN, app.user()).getArray("users", new BsonArray());
            return users.isEmpty() ? null : users.get(0).asDocument();
        } catch (AdminCommandException e) {
            throw rejected("usersInfo", app, e);
        }
    }

    static BsonArray readWrite(List<String> databases) {
        BsonArray roles = new BsonArray();
        databases.stream().distinct().forEach(db -> roles.add(role("readWrite", db)));
        return roles;
    }

    private static BsonDocument role(String name, String db) {
        return new BsonDocument("role", new BsonString(name)).append("db", new BsonString(db));
    }

    /** Just role and db: usersInfo may add fields a comparison must ignore. */
    private static BsonValue role(BsonValue granted) {
        BsonDocument doc = granted.asDocument();
        return role(
                doc.getString("role", new BsonString("")).getValue(),
                doc.getString("db", new BsonString("")).getValue());
    }

    private static String describe(BsonValue role) {
        BsonDocument doc = role.asDocument();
        return doc.getString("role").getValue() + "@" + doc.getString("db").getValue();
    }

    private static RejectedException rejected(String command, AppUser app, AdminCommandException e) {
        return new RejectedException(command + " for app user '" + app.user() + "' failed: " + e.describe(), e);
    }
}
