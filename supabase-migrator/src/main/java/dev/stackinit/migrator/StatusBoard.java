package dev.stackinit.migrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Files compared with the history, in (phase, version) order. */
public record StatusBoard(List<FileStatus> entries) {

    public StatusBoard {
        entries = List.copyOf(entries);
    }

    /**
     * @param checksums the checksum of each file, by key (SQL: the file as written; YAML: the canonical form after
     *     placeholder substitution)
     */
    public static StatusBoard compare(
            List<MigrationFile> files, Map<MigrationKey, String> checksums, List<AppliedMigration> history) {
        Map<MigrationKey, AppliedMigration> byKey = new HashMap<>();
        history.forEach(row -> byKey.put(row.key(), row));
        List<FileStatus> entries = new ArrayList<>();
        for (MigrationFile file : files) {
            AppliedMigration row = byKey.remove(file.key());
            entries.add(new FileStatus(
                    file.key(), file.script(), state(file, checksums.get(file.key()), row), Optional.ofNullable(row)));
        }
        byKey.values()
                .forEach(row ->
                        entries.add(new FileStatus(row.key(), row.script(), FileState.MISSING, Optional.of(row))));
        entries.sort(Comparator.comparing(FileStatus::key));
        return new StatusBoard(entries);
    }

    private static FileState state(MigrationFile file, String checksum, AppliedMigration row) {
        if (row == null) {
            return FileState.PENDING;
        }
        if (!row.success()) {
            return FileState.FAILED;
        }
        if (!row.name().equals(file.name())) {
            return FileState.RENAMED;
        }
        if (!row.checksum().equals(checksum)) {
            return file.kind() == MigrationFile.Kind.WEBHOOK_YAML ? FileState.OUTDATED : FileState.EDITED;
        }
        return FileState.APPLIED;
    }

    public List<FileStatus> inState(FileState state) {
        return entries.stream().filter(e -> e.state() == state).toList();
    }

    public List<FileStatus> pending() {
        return entries.stream().filter(e -> e.state().pending()).toList();
    }

    public List<FileStatus> drift() {
        return entries.stream().filter(e -> e.state().drift()).toList();
    }

    public long count(FileState state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }
}
