package dev.stackinit.seeder.io;

/**
 * The checksum of mongodump archives: Go's {@code hash/crc64} with the ECMA table (reflected polynomial
 * 0xC96C5795D7870F42, all-ones initial value and final xor; the catalogue calls it CRC-64/XZ). Updates chain, so the
 * value over several segments equals the value over their concatenation, as in Go.
 */
final class Crc64 {
    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = table();

    private long crc;

    void update(byte[] bytes, int offset, int length) {
        long c = ~crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(int) ((c ^ bytes[i]) & 0xff)] ^ (c >>> 8);
        }
        crc = ~c;
    }

    /** The value as Go's {@code Sum64}; archives store its bits as an int64. */
    long value() {
        return crc;
    }

    private static long[] table() {
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
