package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;

/** Builds the text of one SQL file: statements end with {@code ;}, groups are separated by a blank line, LF only. */
final class SqlFile {
    private final List<List<String>> groups = new ArrayList<>();

    /** Starts a new group of statements (shown after a blank line). */
    SqlFile group() {
        if (groups.isEmpty() || !groups.get(groups.size() - 1).isEmpty()) {
            groups.add(new ArrayList<>());
        }
        return this;
    }

    SqlFile statement(String sql) {
        if (groups.isEmpty()) {
            groups.add(new ArrayList<>());
        }
        groups.get(groups.size() - 1).add(sql.strip() + ";");
        return this;
    }

    /** {@code COMMENT ON <what> IS '<text>'}, when there is a comment. */
    SqlFile comment(String what, String text) {
        if (text != null) {
            statement("COMMENT ON " + what + " IS " + literal(text));
        }
        return this;
    }

    boolean isEmpty() {
        return groups.stream().allMatch(List::isEmpty);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (List<String> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            group.forEach(statement -> text.append(statement).append('\n'));
        }
        return text.toString();
    }

    /** A standard-conforming string literal (the server default since 9.1); E'' is never needed for it. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
