package dev.stackinit.seeder.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.seeder.DumpBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Go's hash/crc64 with the ECMA table (catalogue name CRC-64/XZ). */
class Crc64Test {
    @Test
    void matchesTheCatalogueCheckValue() {
        Crc64 crc = new Crc64();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);

        assertThat(crc.value()).isEqualTo(0x995DC9BBDF1939FAL);
        assertThat(new Crc64().value()).isZero(); // Go: Sum64 of nothing
    }

    @Test
    void chainedUpdatesEqualOneUpdateAndTheBitwiseReference() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        Crc64 chained = new Crc64();
        chained.update(data, 0, 3333);
        chained.update(data, 3333, data.length - 3333);

        assertThat(chained.value()).isEqualTo(DumpBuilder.crc64(data));
    }
}
