package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.ExitCode;
import dev.stackinit.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictUtf8Test {
    @Test
    void decodesValidTextAndDropsTheByteOrderMark() {
        byte[] bytes = "\uFEFFcafé ✓\n".getBytes(StandardCharsets.UTF_8);
        assertThat(StrictUtf8.decode(bytes, "x.sql")).isEqualTo("café ✓\n");
    }

    @Test
    void invalidBytesNameTheSourceLineAndOffset() {
        byte[] bytes = {'a', '\n', 'b', '\n', 'c', (byte) 0xC3, '(', '\n'};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, "tables/001_x.sql"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tables/001_x.sql")
                .hasMessageContaining("line 3")
                .hasMessageContaining("byte offset 5")
                .hasMessageContaining("0xc3");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsAnError() {
        byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x9C};
        assertThatThrownBy(() -> StrictUtf8.decode(bytes, "end.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("byte offset 2");
    }

    @Test
    void encodedSurrogatesAreRefused() {
        byte[] bytes = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(StrictUtf8.isValid(bytes, 0, bytes.length)).isFalse();
        assertThat(StrictUtf8.isValid("é".getBytes(StandardCharsets.UTF_8), 0, 2))
                .isTrue();
    }

    @Test
    void readingAMissingOrBadFileIsExit3(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yml");
        Files.write(bad, new byte[] {'k', ':', ' ', (byte) 0xFF});
        assertThatThrownBy(() -> StrictUtf8.read(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageContaining("bad.yml");
        assertThatThrownBy(() -> StrictUtf8.read(dir.resolve("missing.yml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
    }
}
