package dev.stackinit.seeder.io;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stackinit.seeder.StandInData;
import java.util.function.Consumer;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

/** Every defect the server or the driver's decoder would meet only later is found here, with its offset. */
class BsonCheckerTest {
    private static BsonChecker.Fault fault(byte[] bytes) {
        return catchThrowableOfType(BsonChecker.Fault.class, () -> BsonChecker.check(bytes, 0, bytes.length));
    }

    private static byte[] mutate(String json, Consumer<byte[]> change) {
        byte[] bytes = bson(json);
        change.accept(bytes);
        return bytes;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i + ascii.length() <= bytes.length; i++) {
            for (int k = 0; k < ascii.length(); k++) {
                if (bytes[i + k] != ascii.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }

    @Test
    void everyBsonTypeIncludingTheDeprecatedOnesPasses() {
        for (int i = 0; i < 3; i++) {
            byte[] bytes = bson(StandInData.everyType(i, true));
            assertThatCode(() -> BsonChecker.check(bytes, 0, bytes.length)).doesNotThrowAnyException();
        }
        byte[] oldBinary = bson(new BsonDocument("b", new BsonBinary((byte) 2, new byte[] {3, 0, 0, 0, 1, 2, 3})));
        assertThatCode(() -> BsonChecker.check(oldBinary, 0, oldBinary.length)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownElementTypeByteIsFoundAtItsOffset() {
        byte[] bytes = mutate("{a: 1, s: 'x'}", b -> b[indexOf(b, "s") - 1] = 0x42);

        BsonChecker.Fault fault = fault(bytes);

        assertThat(fault.getMessage()).contains("unknown element type byte 0x42");
        assertThat(fault.offset).isEqualTo(indexOf(bytes, "s") - 1);
    }

    @Test
    void aFieldNameWithoutItsNulIsFound() {
        byte[] bytes = mutate("{abc: true}", b -> b[indexOf(b, "abc") + 3] = 'd');

        assertThat(fault(bytes).getMessage()).contains("field name has no terminating 0 byte");
        assertThat(fault(bytes).offset).isEqualTo(5);
    }

    @Test
    void invalidUtf8InStringsAndNamesIsFoundAtTheBadByte() {
        byte[] value = mutate("{s: 'abc'}", b -> b[indexOf(b, "abc")] = (byte) 0xff);
        byte[] name = mutate("{ab: 1}", b -> b[indexOf(b, "ab")] = (byte) 0xc3);
        byte[] overlong = mutate("{s: 'ab'}", b -> {
            b[indexOf(b, "ab")] = (byte) 0xc0;
            b[indexOf(b, "b")] = (byte) 0x80;
        });
        byte[] surrogate = mutate("{s: 'abc'}", b -> {
            int at = indexOf(b, "abc");
            b[at] = (byte) 0xed;
            b[at + 1] = (byte) 0xa0;
            b[at + 2] = (byte) 0x80;
        });

        assertThat(fault(value).getMessage()).contains("invalid UTF-8 in a string (byte 0xff)");
        assertThat(fault(value).offset).isEqualTo(indexOf(bson("{s: 'abc'}"), "abc"));
        assertThat(fault(name).getMessage()).contains("invalid UTF-8 in a field name");
        assertThat(fault(overlong).getMessage()).contains("invalid UTF-8");
        assertThat(fault(surrogate).getMessage()).contains("invalid UTF-8");
    }

    @Test
    void lengthsThatDoNotFitTheirContainerAreFound() {
        byte[] nested = mutate("{d: {x: 1}}", b -> b[indexOf(b, "d") + 2] = 100);
        byte[] tooSmall = mutate("{d: {x: 1}}", b -> b[indexOf(b, "d") + 2] = 3);
        byte[] string = mutate("{s: 'abc'}", b -> b[indexOf(b, "s") + 2] = 60);
        byte[] noNul = mutate("{s: 'abc'}", b -> b[indexOf(b, "abc") + 3] = 'd');

        assertThat(fault(nested).getMessage()).contains("document length 100 runs past the end");
        assertThat(fault(tooSmall).getMessage()).contains("below the minimum of 5");
        assertThat(fault(string).getMessage()).contains("string length 60 does not fit");
        assertThat(fault(noNul).getMessage()).contains("does not end with its 0 byte");
    }

    @Test
    void booleansBinaryAndEarlyEndsAreChecked() {
        byte[] bool = mutate("{b: true}", b -> b[indexOf(b, "b") + 2] = 2);
        // the driver writes subtype 2's inner length itself; make it disagree with the outer one
        byte[] binary = bson(new BsonDocument("b", new BsonBinary((byte) 2, new byte[] {1})));
        binary[indexOf(binary, "b") + 2 + 5] = 9;
        byte[] early = mutate("{a: 1, b: 2}", b -> b[indexOf(b, "b") - 1] = 0);

        assertThat(fault(bool).getMessage()).contains("boolean byte 0x02");
        assertThat(fault(binary).getMessage()).contains("binary subtype 2 needs an inner length of");
        assertThat(fault(early).getMessage()).contains("ends the document");
    }

    @Test
    void codeWithScopeLengthsMustAddUp() {
        byte[] bytes = bson(new BsonDocument(
                "c", new org.bson.BsonJavaScriptWithScope("x", new BsonDocument("x", new BsonInt32(1)))));
        int total = indexOf(bytes, "c") + 2;
        bytes[total] = (byte) (bytes[total] + 1);

        assertThat(fault(bytes)).isNotNull();
    }
}
