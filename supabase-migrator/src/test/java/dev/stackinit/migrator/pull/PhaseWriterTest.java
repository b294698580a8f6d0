package dev.stackinit.migrator.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.migrator.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseWriterTest {
    @TempDir
    Path out;

    private static final String H = PullPlanner.HEADER + "\n";

    private final PhaseWriter writer = new PhaseWriter();

    @Test
    void writesThenLeavesUnchangedFilesAlone() throws Exception {
        List<PulledFile> files = List.of(
                new PulledFile(Phase.TABLES, "001_a.sql", H + "create table a ();\n"),
                new PulledFile(
                        Phase.WEBHOOKS,
                        "001_webhooks.yml",
                        "#" + PullPlanner.HEADER.substring(2) + "\nwebhooks: []\n"));

        PhaseWriter.WriteReport first = writer.write(out, files);
        long modified =
                Files.getLastModifiedTime(out.resolve("tables/001_a.sql")).toMillis();
        PhaseWriter.WriteReport second = writer.write(out, files);

        assertThat(first.written()).containsExactly("tables/001_a.sql", "webhooks/001_webhooks.yml");
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).hasSize(2);
        assertThat(Files.readString(out.resolve("tables/001_a.sql"))).isEqualTo(H + "create table a ();\n");
        assertThat(Files.getLastModifiedTime(out.resolve("tables/001_a.sql")).toMillis())
                .isEqualTo(modified);
    }

    @Test
    void removesPulledFilesThatAreGoneAndKeepsEverythingElse() throws Exception {
        writer.write(
                out,
                List.of(
                        new PulledFile(Phase.TABLES, "001_a.sql", H + "a\n"),
                        new PulledFile(Phase.TABLES, "002_b.sql", H + "b\n")));
        Files.writeString(out.resolve("tables/README.md"), "mine");
        // follows the naming rule but was written by hand: a pull never removes it
        Files.writeString(out.resolve("tables/900_mine.sql"), "create table mine ();\n");
        Files.createDirectories(out.resolve("seed"));
        Files.writeString(out.resolve("seed/001_data.sql"), "insert");

        PhaseWriter.WriteReport report =
                writer.write(out, List.of(new PulledFile(Phase.TABLES, "001_a.sql", H + "a2\n")));

        assertThat(report.written()).containsExactly("tables/001_a.sql");
        assertThat(report.removed()).containsExactly("tables/002_b.sql");
        assertThat(out.resolve("tables/README.md")).exists();
        assertThat(out.resolve("seed/001_data.sql")).exists();
        try (var list = Files.list(out.resolve("tables"))) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("001_a.sql", "900_mine.sql", "README.md");
        }
    }

    @Test
    void anOutPathThatIsAFileIsInvalidInput() throws Exception {
        Path file = Files.writeString(out.resolve("file"), "x");

        assertThatThrownBy(() -> writer.write(file, List.of())).isInstanceOf(InvalidInputException.class);
    }
}
