package dev.stackinit.seeder;

import java.util.Objects;

/**
 * A MongoDB user and its password, for SCRAM. {@link #toString()} never shows the password.
 *
 * @param source the database the user is defined in (authSource), {@code admin} for the users rs-init manages
 */
public record Credentials(String user, String password, String source) {
    public static final String ADMIN = "admin";

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the user name is empty");
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + user + "@" + source + "]";
    }
}
