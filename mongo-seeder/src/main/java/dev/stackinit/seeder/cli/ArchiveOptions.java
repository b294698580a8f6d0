package dev.stackinit.seeder.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** mongodump's archive format and gzip, shared by import and export. */
final class ArchiveOptions {
    @Option(
            names = "--archive",
            paramLabel = "FILE",
            description = "A mongodump archive file (mongodump --archive=FILE) instead of a directory.")
    Path archive;

    @Option(
            names = "--gzip",
            description = "Gzip: import insists the archive is gzip-compressed (it is detected anyway; directory"
                    + " files are recognised by .gz); export compresses the archive, or every file of"
                    + " --format mongodump.")
    boolean gzip;
}
