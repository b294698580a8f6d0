package dev.stackinit.seeder;

/**
 * Something a source holds that a copy does not carry over: a collection, view, index, file or database, and why.
 *
 * @param database the source database, or "" for what belongs to no database (a dump's oplog)
 * @param name the collection, index ({@code collection.index}), file or database name
 * @param kind collection, view, index, file, database, oplog or users
 */
public record Unrestored(String database, String name, String kind, String reason) {
    public String label() {
        return database.isEmpty() || kind.equals("database") ? name : database + "." + name;
    }

    @Override
    public String toString() {
        return kind + " " + label() + " (" + reason + ")";
    }
}
