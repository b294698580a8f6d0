package dev.stackinit.seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.io.DumpSource;
import dev.stackinit.seeder.mongo.SeederOperations;
import dev.stackinit.shared.Retry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corrupt variant through the real import path against a command-recording target: exit 3 naming the file and
 * the byte (or line), and not one command sent to the target: no marker deleted, no staging collection created.
 */
class CorruptDumpTest {
    @TempDir
    static Path base;

    static Stream<CorruptDumps> variants() {
        return CorruptDumps.all(base).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aCorruptDumpIsRefusedBeforeAnythingIsWritten(CorruptDumps variant) {
        RecordingTarget target = new RecordingTarget();
        target.marker = org.bson.BsonDocument.parse("{_id: 'last-copy', fingerprint: 'earlier'}");
        List<String> messages = new ArrayList<>();
        Supplier<DumpSource> opener = variant.archive()
                ? () -> DumpSource.openArchive(variant.path(), false)
                : () -> DumpSource.openDirectory(variant.path());
        CloneRequest request = new CloneRequest(
                List.of("copy"), null, NameFilter.ALL, 0, Mode.REPLACE, 4, CloneRequest.DEFAULT_BATCH_BYTES);

        InvalidInputException failure = catchThrowableOfType(
                InvalidInputException.class,
                () -> new SeederOperations(Retry.system(), new MutableClock(), messages::add)
                        .importDump(opener, target, request, true, ProgressListener.NONE));

        assertThat(failure).as(variant.name()).isNotNull();
        assertThat(failure.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(failure.getMessage()).contains(variant.expected());
        assertThat(target.untouched()).as("commands sent: %s", target.log).isTrue();
        assertThat(target.probes).isEmpty();
        assertThat(target.marker).isNotNull();
    }
}
