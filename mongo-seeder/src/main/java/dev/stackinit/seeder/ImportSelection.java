package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which databases of a dump are imported, and under which names. A source holding several databases (a dump root, an
 * archive) imports the ones {@code --database} names, or all of them when it names none; {@code admin}, {@code config}
 * and {@code local} are the server's own and skipped with a line. A single database folder is imported under the
 * {@code --database} name.
 *
 * @param databases source database names to copy
 * @param toDb the target name when the one selected database is imported under another name, or null
 * @param skipped databases of the source that are not imported, and why
 * @param messages lines for stderr about the choice
 */
public record ImportSelection(List<String> databases, String toDb, List<Unrestored> skipped, List<String> messages) {
    private static final Set<String> SERVER_DATABASES = Set.of("admin", "config", "local");

    /**
     * @param available the source's databases; empty for a single database folder
     * @param asked the {@code --database} values, or null when none was given
     * @param defaultDatabase the name a single folder is imported under when none is given
     */
    public static ImportSelection resolve(
            List<String> available, List<String> asked, String toDb, String defaultDatabase) {
        List<String> messages = new ArrayList<>();
        if (available.isEmpty()) {
            List<String> names = asked == null || asked.isEmpty() ? List.of(defaultDatabase) : asked;
            if (toDb == null && names.size() != 1) {
                throw new UsageException("a database folder is imported into one database, got --database " + names);
            }
            return new ImportSelection(List.of(toDb != null ? toDb : names.get(0)), null, List.of(), messages);
        }
        List<Unrestored> skipped = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String database : available) {
            if (SERVER_DATABASES.contains(database)) {
                skipped.add(new Unrestored(
                        database,
                        database,
                        "database",
                        "the server's own database is not restored"
                                + " by mongo-seeder (users, roles, sessions); use mongorestore for it"));
                messages.add("skipping database " + database + ": the server's own database is not restored");
            } else {
                candidates.add(database);
            }
        }
        List<String> selected = new ArrayList<>();
        String target = toDb;
        if (asked == null || asked.isEmpty()) {
            selected.addAll(candidates);
        } else {
            List<String> missing = new ArrayList<>();
            for (String name : asked) {
                if (SERVER_DATABASES.contains(name)) {
                    throw new UsageException("--database " + name + ": the server's own databases are not restored by"
                            + " mongo-seeder; use mongorestore for users and roles");
                }
                (candidates.contains(name) ? selected : missing).add(name);
            }
            if (!missing.isEmpty()) {
                if (asked.size() == 1 && candidates.size() == 1 && toDb == null) {
                    selected.add(candidates.get(0));
                    target = asked.get(0);
                    messages.add("the dump holds one database, " + candidates.get(0) + ": importing it as " + target);
                } else {
                    throw new InvalidInputException("database " + String.join(", ", missing) + " is not in the dump;"
                            + " it holds " + (candidates.isEmpty() ? "no database to import" : candidates));
                }
            }
        }
        if (selected.isEmpty()) {
            throw new InvalidInputException("the dump holds no database to import (it holds " + available + ")");
        }
        if (target != null && selected.size() != 1) {
            throw new UsageException("--to-db needs exactly one database, the selection is " + selected);
        }
        for (String database : candidates) {
            if (!selected.contains(database)) {
                skipped.add(new Unrestored(database, database, "database", "not selected by --database"));
            }
        }
        return new ImportSelection(selected, target, skipped, messages);
    }
}
