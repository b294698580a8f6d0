package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.DocumentStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One collection's documents inside an archive (or its decompressed spool): the byte regions of its segments, read in
 * order with positional reads, so that several collections can be read at once from one file.
 */
final class RegionReader {
    private RegionReader() {}

    /** A reader of the regions ({offset, length} each) one after another, as one stream of documents. */
    static DocumentStream open(Path file, List<long[]> regions, String source, String collection) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return new DumpReader(
                new BufferedInputStream(new Regions(channel, regions), 1 << 16), source + " (" + collection + ")");
    }

    /** The regions one after another, as one stream; closing it closes the channel. */
    private static final class Regions extends InputStream {
        private final FileChannel channel;
        private final List<long[]> regions;
        private int region;
        private long done;

        Regions(FileChannel channel, List<long[]> regions) {
            this.channel = channel;
            this.regions = regions;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (region < regions.size() && done == regions.get(region)[1]) {
                region++;
                done = 0;
            }
            if (region >= regions.size()) {
                return -1;
            }
            long[] current = regions.get(region);
            int want = (int) Math.min(length, current[1] - done);
            int n = channel.read(ByteBuffer.wrap(buffer, offset, want), current[0] + done);
            if (n < 0) {
                throw new IOException("the file is shorter than when it was checked");
            }
            done += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
