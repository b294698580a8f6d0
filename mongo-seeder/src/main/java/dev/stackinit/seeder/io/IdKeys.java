package dev.stackinit.seeder.io;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bson.types.Decimal128;

/**
 * The {@code _id} values of one collection, compared as the {@code _id} index compares them: NumberInt(7),
 * NumberLong(7), 7.0 and Decimal128 7.00 are one key (numbers by exact value, -0 = 0, NaN = NaN), strings and symbols
 * are one type, documents compare field by field in order. Each key is kept as 128 bits of its SHA-256, in an open
 * addressing table of longs: about 32 bytes a document, so memory stays bounded by the largest collection's count.
 * (A collection's collation would also apply to string {@code _id}s; that is not modelled.)
 */
final class IdKeys {
    private long[] table = new long[2 * 1024];
    private int size;
    private final MessageDigest sha256;

    IdKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds the {@code _id} of the (already checked) document at {@code bytes[offset...]}.
     *
     * @return false when an equal {@code _id} was added before; true when it is new or the document has no {@code _id}
     */
    boolean add(byte[] bytes, int offset) {
        int p = offset + 4;
        while (bytes[p] != 0) {
            int type = bytes[p] & 0xff;
            int nameStart = p + 1;
            int nameEnd = nameStart;
            while (bytes[nameEnd] != 0) {
                nameEnd++;
            }
            boolean isId = nameEnd - nameStart == 3
                    && bytes[nameStart] == '_'
                    && bytes[nameStart + 1] == 'i'
                    && bytes[nameStart + 2] == 'd';
            if (isId) {
                ByteArrayOutputStream key = new ByteArrayOutputStream(32);
                canonical(type, bytes, nameEnd + 1, key);
                return insert(sha256.digest(key.toByteArray()));
            }
            p = skip(type, bytes, nameEnd + 1);
        }
        return true;
    }

    /** The BSON type of the top-level {@code _id}, or -1 without one. */
    static int idType(byte[] bytes, int offset) {
        int p = offset + 4;
        while (bytes[p] != 0) {
            int type = bytes[p] & 0xff;
            int nameEnd = p + 1;
            while (bytes[nameEnd] != 0) {
                nameEnd++;
            }
            if (nameEnd - p - 1 == 3 && bytes[p + 1] == '_' && bytes[p + 2] == 'i' && bytes[p + 3] == 'd') {
                return type;
            }
            p = skip(type, bytes, nameEnd + 1);
        }
        return -1;
    }

    private boolean insert(byte[] digest) {
        ByteBuffer buffer = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
        long high = buffer.getLong();
        long low = buffer.getLong();
        if (high == 0 && low == 0) {
            low = 1; // (0, 0) marks a free slot
        }
        if (2 * (size + 1) > table.length / 2) {
            grow();
        }
        if (!put(table, high, low)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean put(long[] slots, long high, long low) {
        int mask = slots.length / 2 - 1;
        int slot = (int) (high ^ high >>> 32) & mask;
        while (slots[2 * slot] != 0 || slots[2 * slot + 1] != 0) {
            if (slots[2 * slot] == high && slots[2 * slot + 1] == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = high;
        slots[2 * slot + 1] = low;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                put(bigger, table[i], table[i + 1]);
            }
        }
        table = bigger;
    }

    /** Appends a key that is equal for values the _id index treats as equal, and different otherwise. */
    private static void canonical(int type, byte[] bytes, int p, ByteArrayOutputStream out) {
        switch (type) {
            case 0x01 -> number(BigDecimalOrSpecial.ofDouble(Double.longBitsToDouble(int64(bytes, p))), out);
            case 0x10 -> number(BigDecimalOrSpecial.of(BigDecimal.valueOf(int32(bytes, p))), out);
            case 0x12 -> number(BigDecimalOrSpecial.of(BigDecimal.valueOf(int64(bytes, p))), out);
            case 0x13 ->
                number(
                        BigDecimalOrSpecial.ofDecimal(
                                Decimal128.fromIEEE754BIDEncoding(int64(bytes, p + 8), int64(bytes, p))),
                        out);
            case 0x02, 0x0E -> tagged('S', bytes, p + 4, int32(bytes, p) - 1, out);
            case 0x0D -> tagged('C', bytes, p + 4, int32(bytes, p) - 1, out);
            case 0x03, 0x04 -> {
                out.write(type == 0x03 ? 'O' : 'A');
                int q = p + 4;
                while (bytes[q] != 0) {
                    int inner = bytes[q] & 0xff;
                    int nameEnd = q + 1;
                    while (bytes[nameEnd] != 0) {
                        nameEnd++;
                    }
                    if (type == 0x03) {
                        out.write(bytes, q + 1, nameEnd - q); // the name and its NUL
                    }
                    canonical(inner, bytes, nameEnd + 1, out);
                    q = skip(inner, bytes, nameEnd + 1);
                }
                out.write('}');
            }
            default -> {
                // every other type compares by its exact bytes, within its own type
                out.write('T');
                out.write(type);
                out.write(bytes, p, skip(type, bytes, p) - p);
            }
        }
    }

    private static void tagged(char tag, byte[] bytes, int from, int length, ByteArrayOutputStream out) {
        out.write(tag);
        out.write(bytes, from, length);
        out.write(0);
    }

    private static void number(BigDecimalOrSpecial value, ByteArrayOutputStream out) {
        out.write('N');
        out.writeBytes(value.text().getBytes(StandardCharsets.US_ASCII));
        out.write(0);
    }

    /** An exact numeric value as text that is equal exactly when the values are equal. */
    private record BigDecimalOrSpecial(String text) {
        static BigDecimalOrSpecial of(BigDecimal value) {
            BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            return new BigDecimalOrSpecial(stripped.unscaledValue() + "E" + (-stripped.scale()));
        }

        static BigDecimalOrSpecial ofDouble(double value) {
            if (Double.isNaN(value)) {
                return new BigDecimalOrSpecial("NaN");
            }
            if (Double.isInfinite(value)) {
                return new BigDecimalOrSpecial(value > 0 ? "+Inf" : "-Inf");
            }
            return of(new BigDecimal(value));
        }

        static BigDecimalOrSpecial ofDecimal(Decimal128 value) {
            if (value.isNaN()) {
                return new BigDecimalOrSpecial("NaN");
            }
            if (value.isInfinite()) {
                return new BigDecimalOrSpecial(value.isNegative() ? "-Inf" : "+Inf");
            }
            try {
                return of(value.bigDecimalValue());
            } catch (ArithmeticException negativeZero) {
                return of(BigDecimal.ZERO); // -0 equals 0 in the index
            }
        }
    }

    /** The offset after the value of {@code type} at {@code p} (the document is known to be well formed). */
    static int skip(int type, byte[] bytes, int p) {
        return switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> p + 8;
            case 0x10 -> p + 4;
            case 0x13 -> p + 16;
            case 0x07 -> p + 12;
            case 0x08 -> p + 1;
            case 0x06, 0x0A, 0x7F, 0xFF -> p;
            case 0x02, 0x0D, 0x0E -> p + 4 + int32(bytes, p);
            case 0x03, 0x04, 0x0F -> p + int32(bytes, p);
            case 0x05 -> p + 5 + int32(bytes, p);
            case 0x0B -> {
                int q = p;
                while (bytes[q] != 0) {
                    q++;
                }
                q++;
                while (bytes[q] != 0) {
                    q++;
                }
                yield q + 1;
            }
            case 0x0C -> p + 4 + int32(bytes, p) + 12;
            default -> throw new IllegalStateException("unchecked document: type " + type);
        };
    }

    static int int32(byte[] bytes, int p) {
        return bytes[p] & 0xff | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | (bytes[p + 3] & 0xff) << 24;
    }

    static long int64(byte[] bytes, int p) {
        return (int32(bytes, p) & 0xffffffffL) | (long) int32(bytes, p + 4) << 32;
    }
}
