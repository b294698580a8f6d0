package dev.stackinit.migrator;

import dev.stackinit.errors.UsageException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The last file a run goes to, inclusive: {@code PHASE} (its last file) or {@code PHASE/VERSION}, e.g. {@code triggers}
 * or {@code tables/3}. What {@code migrate --target} and {@code baseline --up-to} take.
 */
public record MigrationLimit(Phase phase, Optional<BigInteger> version) {

    /** @param option the option it came from, for the error message */
    public static MigrationLimit parse(String text, String option) {
        String[] parts = text.strip().split("/", 2);
        Phase phase = Phase.byId(parts[0])
                .orElseThrow(() -> new UsageException(option + ": unknown phase '" + parts[0] + "'; one of: "
                        + String.join(
                                ", ",
                                java.util.stream.Stream.of(Phase.values())
                                        .map(Phase::id)
                                        .toList())));
        if (parts.length == 1) {
            return new MigrationLimit(phase, Optional.empty());
        }
        try {
            return new MigrationLimit(phase, Optional.of(new BigInteger(parts[1])));
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": version must be a number, got '" + parts[1] + "'");
        }
    }

    public boolean includes(MigrationKey key) {
        int byPhase = key.phase().compareTo(phase);
        return byPhase < 0
                || byPhase == 0
                        && version.map(v -> key.version().compareTo(v) <= 0).orElse(true);
    }

    /** The limit as the largest key it includes, for code that compares keys. */
    public MigrationKey asKey() {
        // a phase alone means its last file: any version a file can have is below 10^40
        return new MigrationKey(phase, version.orElse(BigInteger.TEN.pow(40)));
    }

    @Override
    public String toString() {
        return phase.id() + version.map(v -> "/" + v).orElse("");
    }
}
