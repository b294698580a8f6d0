package dev.stackinit.seeder.io;

/**
 * Walks every byte of a BSON document without decoding it: lengths that fit their container, known element types,
 * field names and regexes as NUL-terminated UTF-8, strings as valid UTF-8 with their NUL, booleans 0 or 1, binary and
 * code-with-scope lengths that add up. The driver's decoder would replace invalid UTF-8 silently and the server only
 * finds the rest after earlier collections were written; this finds it before anything is.
 */
final class BsonChecker {
    /** Nesting beyond any server's limit (mongod refuses about 180 levels); guards the recursion. */
    private static final int MAX_DEPTH = 1000;

    /** A defect at {@code offset} bytes from the start of the document. */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Fault(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final byte[] bytes;
    private final int base;

    private BsonChecker(byte[] bytes, int base) {
        this.bytes = bytes;
        this.base = base;
    }

    /**
     * Checks the document at {@code bytes[offset, offset + length)}.
     *
     * @throws Fault naming the defect and its offset relative to {@code offset}
     */
    static void check(byte[] bytes, int offset, int length) {
        BsonChecker checker = new BsonChecker(bytes, offset);
        int end = checker.document(offset, offset + length, 0);
        if (end != offset + length) {
            throw checker.fault(
                    end, "the document's length prefix says " + (end - offset) + " bytes, the file has " + length);
        }
    }

    /** Checks one document starting at {@code at} inside {@code [at, limit)}; returns where it ends. */
    private int document(int at, int limit, int depth) {
        if (depth > MAX_DEPTH) {
            throw fault(at, "documents nested more than " + MAX_DEPTH + " levels deep");
        }
        if (limit - at < 5) {
            throw fault(at, "a document needs at least 5 bytes, " + (limit - at) + " left");
        }
        int length = int32(at);
        if (length < 5) {
            throw fault(at, "document length " + length + " is below the minimum of 5");
        }
        if (length > limit - at) {
            throw fault(
                    at,
                    "document length " + length + " runs past the end of its container (" + (limit - at)
                            + " bytes left)");
        }
        int end = at + length;
        if (bytes[end - 1] != 0) {
            throw fault(end - 1, "the document does not end with a 0 byte");
        }
        int p = at + 4;
        while (true) {
            int type = bytes[p] & 0xff;
            if (type == 0) {
                if (p != end - 1) {
                    throw fault(p, "a 0 type byte ends the document " + (end - 1 - p) + " bytes early");
                }
                return end;
            }
            int typeAt = p;
            p = cstring(p + 1, end - 1, "field name");
            p = value(type, typeAt, p, end - 1, depth);
        }
    }

    /** Checks one value of {@code type} at {@code p}; returns the offset after it. */
    private int value(int type, int typeAt, int p, int limit, int depth) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> fixed(p, 8, limit);
            case 0x10 -> fixed(p, 4, limit);
            case 0x13 -> fixed(p, 16, limit);
            case 0x07 -> fixed(p, 12, limit);
            case 0x06, 0x0A, 0x7F, 0xFF -> p;
            case 0x02, 0x0D, 0x0E -> string(p, limit);
            case 0x03, 0x04 -> document(p, limit, depth + 1);
            case 0x05 -> binary(p, limit);
            case 0x08 -> {
                fixed(p, 1, limit);
                if (bytes[p] != 0 && bytes[p] != 1) {
                    throw fault(
                            p, String.format("boolean byte 0x%02x (only 0x00 and 0x01 are valid)", bytes[p] & 0xff));
                }
                yield p + 1;
            }
            case 0x0B -> cstring(cstring(p, limit, "regex pattern"), limit, "regex options");
            case 0x0C -> fixed(string(p, limit), 12, limit);
            case 0x0F -> codeWithScope(p, limit, depth);
            default -> throw fault(typeAt, String.format("unknown element type byte 0x%02x", type));
        };
    }

    private int fixed(int p, int size, int limit) {
        if (limit - p < size) {
            throw fault(p, "a value of " + size + " bytes runs past the end of its document");
        }
        return p + size;
    }

    /** int32 length (counting the NUL), UTF-8 bytes, NUL. */
    private int string(int p, int limit) {
        fixed(p, 4, limit);
        int length = int32(p);
        if (length < 1 || length > limit - p - 4) {
            throw fault(p, "string length " + length + " does not fit its document");
        }
        int end = p + 4 + length;
        if (bytes[end - 1] != 0) {
            throw fault(end - 1, "a string does not end with its 0 byte");
        }
        utf8(p + 4, end - 1, "string");
        return end;
    }

    private int cstring(int p, int limit, String what) {
        int nul = p;
        while (nul < limit && bytes[nul] != 0) {
            nul++;
        }
        if (nul >= limit) {
            throw fault(p, "a " + what + " has no terminating 0 byte inside its document");
        }
        utf8(p, nul, what);
        return nul + 1;
    }

    private int binary(int p, int limit) {
        fixed(p, 5, limit);
        int length = int32(p);
        if (length < 0 || length > limit - p - 5) {
            throw fault(p, "binary length " + length + " does not fit its document");
        }
        int subtype = bytes[p + 4] & 0xff;
        if (subtype == 0x02 && (length < 4 || int32(p + 5) != length - 4)) {
            throw fault(p, "binary subtype 2 needs an inner length of " + (length - 4));
        }
        return p + 5 + length;
    }

    /** int32 total, string, document; the total must be exactly what they take. */
    private int codeWithScope(int p, int limit, int depth) {
        fixed(p, 4, limit);
        int total = int32(p);
        if (total < 14 || total > limit - p) {
            throw fault(p, "code-with-scope length " + total + " does not fit its document");
        }
        int end = document(string(p + 4, p + total), p + total, depth + 1);
        if (end != p + total) {
            throw fault(p, "code-with-scope length " + total + " disagrees with its parts (" + (end - p) + ")");
        }
        return end;
    }

    private void utf8(int from, int to, String what) {
        int bad = Utf8.firstInvalid(bytes, from, to);
        if (bad >= 0) {
            throw fault(bad, String.format("invalid UTF-8 in a %s (byte 0x%02x)", what, bytes[bad] & 0xff));
        }
    }

    private int int32(int p) {
        return bytes[p] & 0xff | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | (bytes[p + 3] & 0xff) << 24;
    }

    private Fault fault(int absolute, String message) {
        return new Fault(absolute - base, message);
    }
}
