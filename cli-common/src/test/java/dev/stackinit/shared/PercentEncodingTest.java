package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertThat(PercentEncoding.encode("Abc-09._~")).isEqualTo("Abc-09._~");
    }

    @Test
    void everyCharacterAUriGivesMeaningIsEncoded() {
        assertThat(PercentEncoding.encode("p@ss:w/rd?#[]%+ $&=,;'\"\\"))
                .isEqualTo("p%40ss%3Aw%2Frd%3F%23%5B%5D%25%2B%20%24%26%3D%2C%3B%27%22%5C");
    }

    @Test
    void nonAsciiIsEncodedAsUtf8Bytes() {
        assertThat(PercentEncoding.encode("pässwörd€")).isEqualTo("p%C3%A4ssw%C3%B6rd%E2%82%AC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "p@ss:w/rd", "a+b c", "100%", "ümlaut€", "::@@//??##", "clef 𝄞"})
    void decodeGivesBackWhatEncodeMade(String text) {
        assertThat(PercentEncoding.decode(PercentEncoding.encode(text), "x")).isEqualTo(text);
    }

    @Test
    void decodeKeepsAPlusAndUnescapedTextAsItIs() {
        assertThat(PercentEncoding.decode("a+b%20c 𝄞ü", "x")).isEqualTo("a+b c 𝄞ü");
        assertThat(PercentEncoding.decode("%e2%82%ac", "x")).isEqualTo("€");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "ab%", "ab%2", "%zz", "%2g", "100%!"})
    void aStrayPercentIsInvalidInputNamingTheComponentNotItsValue(String text) {
        assertThatThrownBy(() -> PercentEncoding.decode(text, "the password of db"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the password of db: a '%' not followed by two hex digits (write a literal % as %25)");
    }

    @Test
    void escapesThatAreNotUtf8AreInvalidInput() {
        assertThatThrownBy(() -> PercentEncoding.decode("ab%ff", "the password of db"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the password of db: its %-escapes are not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "p@ss:w/rd", "a+b c", "100%", "ümlaut€", "::@@//??##"})
    void decodingGivesBackTheTextAndTheUriKeepsItInTheUserInfo(String password) {
        String encoded = PercentEncoding.encode(password);
        // URLDecoder also turns '+' into ' ': the encoder never emits a bare '+', so both decoders agree
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(password);
        URI uri = URI.create("mongodb://app:" + encoded + "@mongo:27017/db?replicaSet=rs0");
        assertThat(uri.getHost()).isEqualTo("mongo");
        assertThat(uri.getUserInfo()).isEqualTo("app:" + password);
    }
}
