package dev.stackinit.migrator.pull;

import dev.stackinit.migrator.Phase;

/** One file pull writes: {@code <phase>/<fileName>}. */
public record PulledFile(Phase phase, String fileName, String content) {
    public String path() {
        return phase.folder() + "/" + fileName;
    }
}
