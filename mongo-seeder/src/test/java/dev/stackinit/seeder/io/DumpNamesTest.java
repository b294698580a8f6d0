package dev.stackinit.seeder.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mongodump's file names: Go's url.QueryEscape, the 238/208 shortening, and names safe on case-insensitive disks. */
class DumpNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "flows|flows",
                "a b|a+b",
                "a+b|a%2Bb",
                "cafés|caf%C3%A9s",
                "a/b|a%2Fb",
                "../x|..%2Fx",
                "x$y|x%24y",
                "~tilde-_.ok|~tilde-_.ok",
                "100%|100%25",
                "emoji😀|emoji%F0%9F%98%80",
                "q?&=#:;,@|q%3F%26%3D%23%3A%3B%2C%40",
                "back\\slash|back%5Cslash",
                "\"quoted\"*<>|%22quoted%22%2A%3C%3E"
            })
    void escapesAsGoQueryEscapeAndUnescapesBack(String name, String escaped) {
        assertThat(DumpNames.escape(name)).isEqualTo(escaped);
        assertThat(DumpNames.unescape(escaped, "f")).isEqualTo(name);
        assertThat(DumpNames.stem(name)).isEqualTo(escaped);
    }

    @Test
    void unescapeReadsPlusAsSpaceAndEitherHexCase() {
        assertThat(DumpNames.unescape("a+b%2fc%2Fd", "f")).isEqualTo("a b/c/d");
        assertThat(DumpNames.unescape("plain name", "f")).isEqualTo("plain name");
    }

    @Test
    void badEscapesAndNonUtf8NamesAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> DumpNames.unescape("a%2", "dump/db/a%2.bson"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dump/db/a%2.bson");
        assertThatThrownBy(() -> DumpNames.unescape("a%zz", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DumpNames.unescape("a%FF", "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void escapedNamesOver238CharactersAreShortenedWithTheSha1OfTheName() throws Exception {
        String name = "é".repeat(40) + "-" + "x".repeat(10); // escapes to 240 + 11 characters
        String sha1 = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8)));

        String stem = DumpNames.stem(name);

        assertThat(stem).hasSize(238).isEqualTo(DumpNames.escape(name).substring(0, 208) + "%24" + sha1);
        assertThat(DumpNames.isShortened(stem)).isTrue();
        assertThat(DumpNames.stem("a".repeat(238))).isEqualTo("a".repeat(238));
        assertThat(DumpNames.stem("a".repeat(239))).hasSize(238).contains("%24");
        assertThat(DumpNames.isShortened("a".repeat(238))).isFalse();
    }

    @Test
    void namesThatDifferOnlyInCaseGetStemsThatDifferIgnoringCase() {
        List<String> names = List.of("foo", "Foo", "FOO", "other", "Bar");

        Map<String, String> stems = DumpNames.caseSafeStems(names);

        assertThat(stems)
                .containsEntry("foo", "foo")
                .containsEntry("Foo", "%46oo")
                .containsEntry("FOO", "%46%4F%4F");
        assertThat(stems).containsEntry("other", "other").containsEntry("Bar", "Bar");
        assertThat(stems.values().stream()
                        .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toSet()))
                .hasSize(names.size());
        stems.forEach((name, stem) -> assertThat(DumpNames.unescape(stem, "f")).isEqualTo(name));
    }

    @Test
    void databaseFolderNamesRefuseWhatTheServerRefuses() {
        assertThat(DumpNames.isDatabaseName("shop")).isTrue();
        assertThat(DumpNames.isDatabaseName("2026-12-01_café")).isTrue();
        for (String bad : List.of("", "a.b", "a/b", "a\\b", "a b", "a\"b", "a$b", "a\0b")) {
            assertThat(DumpNames.isDatabaseName(bad)).as(bad).isFalse();
        }
    }
}
