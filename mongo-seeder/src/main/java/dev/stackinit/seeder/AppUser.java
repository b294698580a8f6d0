package dev.stackinit.seeder;

import java.util.List;
import java.util.Objects;

/**
 * The app's own MongoDB user, kept by rs-init: defined in {@code admin}, with {@code readWrite} on each of
 * {@code databases} and nothing else. {@link #toString()} never shows the password.
 */
public record AppUser(String user, String password, List<String> databases) {
    public AppUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        databases = List.copyOf(databases);
        if (user.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("the app user needs a name and a password");
        }
        if (databases.isEmpty() || databases.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("the app user needs at least one database, and no blank one");
        }
    }

    public Credentials credentials() {
        return new Credentials(user, password, Credentials.ADMIN);
    }

    @Override
    public String toString() {
        return "AppUser[" + user + ", readWrite on " + databases + "]";
    }
}
