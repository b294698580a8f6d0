package dev.stackinit.migrator;

import java.math.BigInteger;
import java.util.Comparator;

/** What identifies a migration in the history: its phase and its version within the phase. */
public record MigrationKey(Phase phase, BigInteger version) implements Comparable<MigrationKey> {
    private static final Comparator<MigrationKey> ORDER =
            Comparator.comparing(MigrationKey::phase).thenComparing(MigrationKey::version);

    @Override
    public int compareTo(MigrationKey other) {
        return ORDER.compare(this, other);
    }

    // written out: a record's generated equals/hashCode bootstrap through invokedynamic, which costs start-up time
    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationKey key && phase == key.phase && version.equals(key.version);
    }

    @Override
    public int hashCode() {
        return phase.hashCode() * 31 + version.hashCode();
    }

    @Override
    public String toString() {
        return phase.id() + "/" + version;
    }
}
