package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStats;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.MongoCommands;
import dev.stackinit.seeder.Unrestored;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a validated dump holds: per database the collections and views with where their documents are, the documents'
 * stats, what cannot be restored at all, and notes about files that are not part of any dump layout.
 */
final class DumpCatalog {
    /** One collection or view and how to read its documents again (null for a view or a metadata-only collection). */
    record Entry(CollectionSpec spec, Supplier<DocumentStream> documents, DocumentStats stats, boolean buckets) {}

    /** mongodump --dumpDbUsersAndRoles: $admin.system.users and $admin.system.roles. */
    private static final String USERS_PREFIX = "$admin.";

    private final Map<String, Map<String, Entry>> databases = new TreeMap<>();
    final List<Unrestored> unrestorable = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** True for a dump root or an archive (several databases), false for one database folder. */
    final boolean multi;

    String serverVersion = "unknown";

    DumpCatalog(boolean multi) {
        this.multi = multi;
    }

    /**
     * Why a collection of this name in a dump is not restored (users and roles, system collections but system.js,
     * mongo-seeder's own), or null when it is.
     */
    static String whyNotRestored(String collection) {
        if (collection.startsWith(USERS_PREFIX)) {
            return "users and roles (--dumpDbUsersAndRoles) are not restored; use mongorestore";
        }
        if (MongoCommands.isSystem(collection) && !collection.equals(CollectionSpec.SYSTEM_JS)) {
            return "system collection " + collection + " is not restored";
        }
        if (MongoCommands.isOwn(collection)) {
            return "mongo-seeder's own bookkeeping collection is never copied";
        }
        return null;
    }

    /** The kind named with a collection that is not restored. */
    static String unrestoredKind(String collection) {
        return collection.startsWith(USERS_PREFIX) ? "users" : "collection";
    }

    void add(String database, Entry entry, String where) {
        Map<String, Entry> collections = databases.computeIfAbsent(database, k -> new LinkedHashMap<>());
        if (collections.putIfAbsent(entry.spec().name(), entry) != null) {
            throw new InvalidInputException(
                    "collection '" + entry.spec().name() + "' appears twice in " + where + " (two files name it)");
        }
    }

    void database(String database) {
        databases.computeIfAbsent(database, k -> new LinkedHashMap<>());
    }

    List<String> databaseNames() {
        return List.copyOf(databases.keySet());
    }

    /** For one database folder any name reads its only database. */
    Map<String, Entry> collections(String database) {
        if (!multi) {
            return databases.isEmpty()
                    ? Map.of()
                    : databases.values().iterator().next();
        }
        return databases.getOrDefault(database, Map.of());
    }

    Entry entry(String database, String collection) {
        Entry entry = collections(database).get(collection);
        if (entry == null) {
            throw new IllegalArgumentException("no collection " + database + "." + collection + " in the dump");
        }
        return entry;
    }
}
