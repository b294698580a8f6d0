package dev.stackinit.migrator;

/**
 * One SQL statement of a file, without its terminating semicolon.
 *
 * @param line the 1-based line of the file where the statement starts
 */
public record SqlStatement(String sql, int line) {

    /** The file line of a 1-based character position inside the statement (as PostgreSQL reports it). */
    public int lineOfPosition(int position) {
        int result = line;
        int end = Math.min(Math.max(position - 1, 0), sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                result++;
            }
        }
        return result;
    }
}
