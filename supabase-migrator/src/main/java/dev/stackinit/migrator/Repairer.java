package dev.stackinit.migrator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * repair, after review: edited and renamed applied files get their current checksum and name; failed entries are removed
 * so the file runs again. Missing files are left alone (restore the file, or it stays reported).
 */
public final class Repairer {
    private final MigrationTarget target;
    private final MigrationSource source;

    public Repairer(MigrationTarget target, MigrationSource source) {
        this.target = target;
        this.source = source;
    }

    /** @return one line per change; empty if there was nothing to repair */
    public List<String> repair(List<MigrationFile> files) {
        Map<MigrationKey, String> checksums = source.checksums(files);
        Map<MigrationKey, MigrationFile> byKey = new HashMap<>();
        files.forEach(f -> byKey.put(f.key(), f));
        List<String> changes = new ArrayList<>();
        try (MigrationTarget.Lock lock = target.lock(() -> {})) {
            StatusBoard board = StatusBoard.compare(files, checksums, target.history());
            for (FileStatus status : board.entries()) {
                MigrationFile file = byKey.get(status.key());
                switch (status.state()) {
                    case EDITED, RENAMED -> {
                        target.accept(status.key(), file.name(), file.script(), checksums.get(status.key()));
                        changes.add("accepted " + file.script() + " ("
                                + status.state().label() + ")");
                    }
                    case FAILED -> {
                        target.forget(status.key());
                        changes.add("removed failed entry " + status.script() + " (it runs again on migrate)");
                    }
                    default -> {}
                }
            }
        }
        return changes;
    }
}
