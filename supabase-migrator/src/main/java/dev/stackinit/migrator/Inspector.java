package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;

/** info and validate: the files compared with the history, read without the lock. */
public final class Inspector {
    private final MigrationTarget target;
    private final MigrationSource source;

    public Inspector(MigrationTarget target, MigrationSource source) {
        this.target = target;
        this.source = source;
    }

    public StatusBoard info(List<MigrationFile> files) {
        return StatusBoard.compare(files, source.checksums(files), target.history());
    }

    /**
     * Checksums and order: edited, renamed, missing and failed files are drift. Pending files are not (a file added to
     * an earlier phase later is allowed).
     *
     * @throws InvalidInputException (exit 3) listing the drift
     */
    public StatusBoard validate(List<MigrationFile> files) {
        StatusBoard board = info(files);
        if (!board.drift().isEmpty()) {
            throw new InvalidInputException(
                    "drift: " + Migrator.describe(board.drift()) + " (repair accepts reviewed edits)");
        }
        return board;
    }
}
