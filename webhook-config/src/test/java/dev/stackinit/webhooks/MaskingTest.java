package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One masking rule for URLs, params and headers. */
class MaskingTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "token", "Token", "access_token", "refresh-token", "apikey", "api_key", "X-Api-Key", "APIKEY",
                "secret", "client_secret", "password", "PASSWD", "pwd", "key", "Authorization", "cookie",
                "Set-Cookie", "signature", "sig", "auth", "x-hub-signature-256", "session_id", "jwt", "code",
                "private", "bearer", "credentials", "hmac", "sas"
            })
    void secretNames(String name) {
        assertThat(Masking.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "page", "limit", "design", "author", "user", "format", "id", "event"})
    void ordinaryNames(String name) {
        assertThat(Masking.isSecretName(name)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://h/x?token=s3cr3t | https://h/x?token=****",
                "https://h/x?a=1&api_key=s3cr3t&b=2 | https://h/x?a=1&api_key=****&b=2",
                "https://h/x?ACCESS_TOKEN=s3cr3t | https://h/x?ACCESS_TOKEN=****",
                "https://h/x?api%5Fkey=s3cr3t | https://h/x?api%5Fkey=****",
                "https://u:pw123456@h/x?page=2 | https://u:****@h/x?page=2",
                "https://h/cb#access_token=s3cr3t&state=1 | https://h/cb#access_token=****&state=1",
                "https://h/x?sig=abc#frag | https://h/x?sig=****#frag",
                "https://h/x?token= | https://h/x?token=****",
                "https://h/x?token | https://h/x?token",
                "https://h/plain | https://h/plain",
            })
    void urlsKeepTheirShapeAndLoseTheirSecrets(String url, String masked) {
        assertThat(Masking.url(url)).isEqualTo(masked);
    }

    @Test
    void headersAndParamsFollowTheSameRule() {
        ObjectNode params = Json.object(Map.of("apikey", "s3cr3t", "page", "2", "Access-Token", "t0k3n"));
        assertThat(Json.compact(Masking.object(params)))
                .contains("\"apikey\":\"****\"", "\"Access-Token\":\"****\"", "\"page\":\"2\"")
                .doesNotContain("s3cr3t", "t0k3n");
        assertThat(Masking.objectText("{\"Authorization\":\"Bearer abc\"}")).isEqualTo("{\"Authorization\":\"****\"}");
        assertThat(Masking.objectText("not json token=abc")).isEqualTo("****");
        assertThat(Headers.isSecret("api_key")).isEqualTo(Masking.isSecretName("api_key"));
    }
}
