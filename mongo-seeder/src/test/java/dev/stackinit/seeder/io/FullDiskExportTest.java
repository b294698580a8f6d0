package dev.stackinit.seeder.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.ExportService;
import dev.stackinit.seeder.FakeSource;
import dev.stackinit.seeder.NameFilter;
import dev.stackinit.seeder.SeedSink;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * An export onto a full disk (an in-memory file system with a size limit): exit 3 naming the reason, the previous
 * export byte for byte as it was, and no half-written temporary left behind.
 */
class FullDiskExportTest {
    private static FileSystem smallDisk() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(4096)
                .setMaxSize(2L * 1024 * 1024)
                .setAttributeViews("basic", "posix", "unix")
                .build());
    }

    private static void fillsTheDisk(Function<Path, SeedSink> sinkAt, String target) throws Exception {
        try (FileSystem disk = smallDisk()) {
            Path root = disk.getPath("/exports");
            FakeSource source = new FakeSource();
            source.collection("small", "collection", "{}", ExportFormatsTest.docs("s", 20, 100));
            new ExportService().export(source, "shop", NameFilter.ALL, sinkAt.apply(root.resolve(target)));
            Map<Path, byte[]> before = ExportFormatsTest.snapshot(root);

            source.collection("huge", "collection", "{}", ExportFormatsTest.docs("h", 400, 10_000));
            assertThatThrownBy(() -> new ExportService()
                            .export(source, "shop", NameFilter.ALL, sinkAt.apply(root.resolve(target))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("out of disk space")
                    .hasMessageContaining("unchanged");

            Map<Path, byte[]> after = ExportFormatsTest.snapshot(root);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((file, bytes) ->
                    assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
            try (var entries = Files.list(root)) {
                assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
            }
        }
    }

    @Test
    void seedFiles() throws Exception {
        fillsTheDisk(SeedDirectoryWriter::new, "seed");
    }

    @Test
    void mongodumpLayout() throws Exception {
        fillsTheDisk(dir -> new MongodumpDirectoryWriter(dir, false, "t"), "dump");
    }

    @Test
    void archive() throws Exception {
        fillsTheDisk(file -> new ArchiveWriter(file, false, "t"), "shop.archive");
    }

    @Test
    void theDiskIsLargeEnoughForTheTestWithoutTheHugeCollection() throws Exception {
        // guards the test above: it fails for the disk, not for something else
        try (FileSystem disk = smallDisk()) {
            FakeSource source = new FakeSource();
            source.collection("small", "collection", "{}", ExportFormatsTest.docs("s", 20, 100));
            for (Function<Path, SeedSink> sink : List.<Function<Path, SeedSink>>of(
                    SeedDirectoryWriter::new, dir -> new ArchiveWriter(dir, false, "t"))) {
                Path target = disk.getPath("/exports/" + sink.hashCode());
                assertThat(new ExportService()
                                .export(source, "shop", NameFilter.ALL, sink.apply(target))
                                .changed())
                        .isPositive();
            }
        }
    }
}
