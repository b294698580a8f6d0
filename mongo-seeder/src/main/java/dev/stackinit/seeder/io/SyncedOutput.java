package dev.stackinit.seeder.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * A buffered stream over a file channel whose close forces the bytes to disk before closing: a file we rename into
 * place or report as written must be on disk, not only in the page cache, when we say so.
 */
final class SyncedOutput {
    private SyncedOutput() {}

    static OutputStream over(FileChannel channel) {
        return new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length); // FilterOutputStream's own would write byte by byte
            }

            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return; // a wrapping gzip stream closes it first
                }
                closed = true;
                try {
                    out.flush();
                    channel.force(true);
                } finally {
                    out.close();
                }
            }
        };
    }
}
