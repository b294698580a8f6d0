package dev.stackinit.seeder.io;

/**
 * Strict UTF-8 check of byte ranges inside BSON, without decoding: no overlong forms, no surrogates, nothing above
 * U+10FFFF. (Text files go through {@code StrictUtf8}; this is the allocation-free loop for millions of BSON strings.)
 */
final class Utf8 {
    private Utf8() {}

    /** The offset of the first byte that is not valid UTF-8, or -1 when all of {@code [from, to)} is valid. */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int codePoint = b & (0xff >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return i;
                }
                codePoint = codePoint << 6 | next & 0x3f;
            }
            if (codePoint < min || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
                return i;
            }
            i += length;
        }
        return -1;
    }
}
