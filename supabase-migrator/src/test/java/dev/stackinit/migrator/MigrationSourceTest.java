package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's checksum is over its text as written: the same whether it is taken from the bytes or from the text. */
class MigrationSourceTest {
    @TempDir
    Path dir;

    private final MigrationSource source = new MigrationSource(Placeholders.none(), file -> "canonical");

    private String checksumOf(byte[] content) throws IOException {
        Path file = dir.resolve("tables/1_a.sql");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        List<MigrationFile> files = new MigrationScanner().scan(dir).files();
        Map<MigrationKey, String> checksums = source.checksums(files);
        return checksums.values().iterator().next();
    }

    @Test
    void theChecksumIsOverTheTextWithoutBomAndWithUnixLineEndings() throws IOException {
        String plain = "create table a (id int);\nselect 1;\n";
        assertThat(checksumOf(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(MigrationSource.sha256(plain));
        assertThat(checksumOf(plain.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MigrationSource.sha256(plain));
        byte[] bom = ("\uFEFF" + plain).getBytes(StandardCharsets.UTF_8);
        assertThat(checksumOf(bom)).isEqualTo(MigrationSource.sha256(plain));
        String accents = "insert into t values ('café');\n";
        assertThat(checksumOf(accents.getBytes(StandardCharsets.UTF_8))).isEqualTo(MigrationSource.sha256(accents));
    }

    @Test
    void theCheckBeforeAnythingRunsAndThePreparedFileAgreeOnTheChecksum() throws IOException {
        Path file = dir.resolve("tables/1_a.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;\r\n");
        MigrationFile migration = new MigrationScanner().scan(dir).files().get(0);

        source.check(migration);

        assertThat(source.prepare(migration).checksum())
                .isEqualTo(source.checksums(List.of(migration)).get(migration.key()));
    }

    @Test
    void thePreparedFileHasTheChecksumOfTheScanForEveryKindOfText() throws IOException {
        String plain = "create table a (id int);\nselect 1;\n";
        List<byte[]> contents = List.of(
                plain.getBytes(StandardCharsets.US_ASCII),
                plain.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII),
                ("\uFEFF" + plain).getBytes(StandardCharsets.UTF_8),
                "insert into t values ('caf\u00e9');\r\n".getBytes(StandardCharsets.UTF_8));
        for (byte[] content : contents) {
            checksumOf(content);
            MigrationFile migration = new MigrationScanner().scan(dir).files().get(0);

            assertThat(source.prepare(migration).checksum())
                    .isEqualTo(source.checksums(List.of(migration)).get(migration.key()));
        }
    }
}
