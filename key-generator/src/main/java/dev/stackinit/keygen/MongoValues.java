package dev.stackinit.keygen;

import dev.stackinit.shared.PercentEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MongoDB part of a stack's values besides its secrets: the users' names (kept when set, else a default) and the
 * app's connection string. The connection string is derived, never kept on its own: every run rebuilds it from its parts,
 * with the user and password percent-encoded, so it always matches the password mongo-init gives the app user.
 */
public final class MongoValues {
    public static final String ROOT_USERNAME = "MONGO_ROOT_USERNAME";
    public static final String APP_USERNAME = "MONGO_APP_USERNAME";
    public static final String APP_DATABASE = "MONGO_APP_DATABASE";
    public static final String APP_URI = "MONGO_APP_URI";
    /** Compose's own settings: read for the URI, written only where they already are. */
    public static final String MEMBER_HOST = "MONGO_MEMBER_HOST";

    public static final String REPLICA_SET = "MONGO_REPLICA_SET";

    /** Everything the app URI is built from besides the password; read from the environment when no file is given. */
    public static final List<String> INPUTS =
            List.of(ROOT_USERNAME, APP_USERNAME, APP_DATABASE, MEMBER_HOST, REPLICA_SET);

    private static final Map<String, String> DEFAULTS = Map.of(
            ROOT_USERNAME, "root",
            APP_USERNAME, "stackend",
            APP_DATABASE, "stackend",
            MEMBER_HOST, "mongo:27017",
            REPLICA_SET, "rs0");
    private static final String PARTS = APP_USERNAME + ", " + SecretSpec.MONGO_APP_PASSWORD + ", " + MEMBER_HOST + ", "
            + APP_DATABASE + " and " + REPLICA_SET;

    private MongoValues() {}

    /**
     * Adds the names and the app URI to {@code values}, which already holds the generated or kept secrets.
     *
     * @param notes receives why a value was replaced; never a value
     */
    static void plan(Map<String, String> current, Map<String, String> values, List<String> notes) {
        for (String name : List.of(ROOT_USERNAME, APP_USERNAME, APP_DATABASE)) {
            values.put(name, valueOrDefault(current, name));
        }
        for (String name : List.of(MEMBER_HOST, REPLICA_SET)) {
            if (KeyPlanner.hasValue(current, name)) {
                values.put(name, current.get(name));
            }
        }
        String uri = appUri(values);
        String existing = current.get(APP_URI);
        if (existing != null && !existing.isBlank() && !existing.equals(uri)) {
            notes.add(APP_URI + " rebuilt from " + PARTS + " (it is derived from them: change those instead)");
        }
        values.put(APP_URI, uri);
        String rootBefore = current.get(SecretSpec.MONGO_ROOT_PASSWORD.name());
        if (!SecretSpec.MONGO_ROOT_PASSWORD.isPlaceholder(rootBefore)
                && !rootBefore.equals(values.get(SecretSpec.MONGO_ROOT_PASSWORD.name()))) {
            notes.add(SecretSpec.MONGO_ROOT_PASSWORD + " replaced: a MongoDB volume created with the old one keeps it;"
                    + " change it in mongod too (compose/README.md, \"Rotate the MongoDB root password\")");
        }
    }

    /**
     * {@code mongodb://user:password@host:port/db?replicaSet=rs0&authSource=admin}, user, password and database
     * percent-encoded; the app user lives in the admin database, as mongo-seeder creates it.
     */
    public static String appUri(Map<String, String> values) {
        String password = values.get(SecretSpec.MONGO_APP_PASSWORD.name());
        if (password == null) {
            throw new IllegalArgumentException(SecretSpec.MONGO_APP_PASSWORD + " is not set");
        }
        return "mongodb://" + PercentEncoding.encode(valueOrDefault(values, APP_USERNAME)) + ":"
                + PercentEncoding.encode(password) + "@" + valueOrDefault(values, MEMBER_HOST) + "/"
                + PercentEncoding.encode(valueOrDefault(values, APP_DATABASE)) + "?replicaSet="
                + PercentEncoding.encode(valueOrDefault(values, REPLICA_SET)) + "&authSource=admin";
    }

    /** The verify rule: a present app URI must be the one its parts give. */
    static void check(Map<String, String> values, List<Finding> findings) {
        String uri = values.get(APP_URI);
        if (uri == null) {
            return;
        }
        if (uri.isBlank()) {
            findings.add(Finding.error(APP_URI, "is empty"));
        } else if (!KeyPlanner.hasValue(values, SecretSpec.MONGO_APP_PASSWORD.name())) {
            findings.add(
                    Finding.error(APP_URI, "is set but " + SecretSpec.MONGO_APP_PASSWORD + ", its password, is not"));
        } else if (!uri.equals(appUri(values))) {
            findings.add(Finding.error(APP_URI, "does not match " + PARTS + " (it is derived from them)"));
        }
    }

    /** The inputs found in an environment, for printing a fresh set without an env file. */
    public static Map<String, String> inputsFrom(Map<String, String> env) {
        Map<String, String> inputs = new LinkedHashMap<>();
        INPUTS.stream().filter(name -> KeyPlanner.hasValue(env, name)).forEach(name -> inputs.put(name, env.get(name)));
        return inputs;
    }

    private static String valueOrDefault(Map<String, String> values, String name) {
        return KeyPlanner.hasValue(values, name) ? values.get(name) : DEFAULTS.get(name);
    }
}
