package dev.stackinit.seeder.io;

import static dev.stackinit.seeder.DumpBuilder.bson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** _id keys compare as the _id index compares them. */
class IdKeysTest {
    private static boolean allDistinct(String... documents) {
        IdKeys keys = new IdKeys();
        for (String document : documents) {
            if (!keys.add(bson(document), 0)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void numbersOfEveryTypeWithTheSameValueAreOneKey() {
        assertThat(allDistinct("{_id: {$numberInt: '7'}}", "{_id: {$numberLong: '7'}}"))
                .isFalse();
        assertThat(allDistinct("{_id: {$numberInt: '7'}}", "{_id: 7.0}")).isFalse();
        assertThat(allDistinct("{_id: {$numberLong: '7'}}", "{_id: {$numberDecimal: '7.00'}}"))
                .isFalse();
        assertThat(allDistinct("{_id: 0.0}", "{_id: -0.0}")).isFalse();
        assertThat(allDistinct("{_id: {$numberDouble: 'NaN'}}", "{_id: {$numberDecimal: 'NaN'}}"))
                .isFalse();
        assertThat(allDistinct("{_id: {$numberDecimal: '-0'}}", "{_id: 0}")).isFalse();
    }

    @Test
    void differentValuesAndTypesAreDifferentKeys() {
        assertThat(allDistinct(
                        "{_id: 7}",
                        "{_id: 7.5}",
                        "{_id: '7'}",
                        "{_id: {$numberLong: '9007199254740993'}}",
                        "{_id: 9007199254740992.0}",
                        "{_id: true}",
                        "{_id: null}",
                        "{_id: {$date: {$numberLong: '7'}}}",
                        "{_id: {a: 1, b: 2}}",
                        "{_id: {b: 2, a: 1}}",
                        "{no: 'id'}",
                        "{no: 'id either'}"))
                .isTrue();
    }

    @Test
    void embeddedDocumentsCompareTheirNumbersByValueAndStringsMatchSymbols() {
        assertThat(allDistinct("{_id: {a: 1, b: [1, 2]}}", "{_id: {a: 1.0, b: [{$numberLong: '1'}, 2.0]}}"))
                .isFalse();
        assertThat(allDistinct("{_id: 'abc'}", "{_id: {$symbol: 'abc'}}")).isFalse();
    }

    @Test
    void manyKeysStayDistinctAcrossTableGrowth() {
        IdKeys keys = new IdKeys();
        for (int i = 0; i < 50_000; i++) {
            assertThat(keys.add(bson("{_id: " + i + "}"), 0)).isTrue();
        }
        for (int i : List.of(0, 1, 4097, 49_999)) {
            assertThat(keys.add(bson("{_id: {$numberLong: '" + i + "'}}"), 0)).isFalse();
        }
    }
}
