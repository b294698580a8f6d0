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
import java.util.NoSuchElementException;
import org.bson.RawBsonDocument;

/**
 * One collection's documents inside an archive (or its decompressed spool): the byte regions of its segments, read in
 * order with positional reads, so that several collections can be read at once from one file.
 */
final class RegionReader implements DocumentStream {
    private final FileChannel channel;
    private final BsonFrames frames;
    private RawBsonDocument next;

    RegionReader(Path file, List<long[]> regions, String source, String collection) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), e);
        }
        this.frames = new BsonFrames(
                new BufferedInputStream(new Regions(channel, regions), 1 << 16), source + " (" + collection + ")", 0);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            byte[] bytes = frames.next();
            next = bytes == null ? null : new RawBsonDocument(bytes);
        }
        return next != null;
    }

    @Override
    public RawBsonDocument next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawBsonDocument current = next;
        next = null;
        return current;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read only
        }
    }

    /** The regions one after another, as one stream. */
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
    }
}
