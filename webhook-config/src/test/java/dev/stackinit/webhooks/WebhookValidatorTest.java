package dev.stackinit.webhooks;

import static dev.stackinit.webhooks.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookValidatorTest {
    private static WebhookSpec with(int timeout, String url, Map<String, String> headers, HttpMethod method) {
        return new WebhookSpec(
                "h", "public", "t", EnumSet.of(Event.INSERT), url, method, Json.object(headers), null, timeout);
    }

    @Test
    void aStudioStyleSpecIsValid() {
        assertThat(WebhookValidator.problemsOf(spec("h", "t", "https://x.test/h")))
                .isEmpty();
    }

    @Test
    void timeoutMustBeWithinStudiosRange() {
        assertThat(WebhookValidator.problemsOf(with(999, "http://a/", Map.of(), HttpMethod.GET)))
                .containsExactly("timeout_ms must be between 1000 and 10000, not 999");
        assertThat(WebhookValidator.problemsOf(with(10001, "http://a/", Map.of(), HttpMethod.GET)))
                .hasSize(1);
        assertThat(WebhookValidator.problemsOf(with(10000, "http://a/", Map.of(), HttpMethod.GET)))
                .isEmpty();
    }

    @Test
    void urlsMustBeHttpWithAHost() {
        assertThat(WebhookValidator.problemsOf(with(1000, "ftp://a/", Map.of(), HttpMethod.GET)))
                .containsExactly("url must start with http:// or https://");
        assertThat(WebhookValidator.problemsOf(with(1000, "http:///x", Map.of(), HttpMethod.GET)))
                .containsExactly("url has no host");
        assertThat(WebhookValidator.problemsOf(with(1000, "http://a/b c", Map.of(), HttpMethod.GET)))
                .containsExactly("url contains whitespace or control characters");
        assertThat(WebhookValidator.problemsOf(with(1000, "http://my_service:8000/x", Map.of(), HttpMethod.GET)))
                .isEmpty();
        assertThat(WebhookValidator.problemsOf(with(1000, "http://u:p@[::1]:80/x?a='1'\\", Map.of(), HttpMethod.GET)))
                .isEmpty();
        assertThat(UrlSafety.host("http://u:p@[::1]:80/x")).contains("[::1]");
        assertThat(UrlSafety.host("https://api.example.com?x")).contains("api.example.com");
    }

    @Test
    void postMustSendJson() {
        assertThat(WebhookValidator.problemsOf(
                        with(1000, "http://a/", Map.of("content-type", "text/plain"), HttpMethod.POST)))
                .singleElement()
                .asString()
                .contains("Content-Type application/json");
        assertThat(WebhookValidator.problemsOf(
                        with(1000, "http://a/", Map.of("content-type", "text/plain"), HttpMethod.GET)))
                .isEmpty();
    }

    @Test
    void namesMustFitPostgresNamesAndEventsMustNotBeEmpty() {
        WebhookSpec bad = new WebhookSpec(
                "x".repeat(64), "", "t", EnumSet.noneOf(Event.class), "http://a/", HttpMethod.GET, null, null, 1000);
        assertThat(WebhookValidator.problemsOf(bad))
                .containsExactly(
                        "name '" + "x".repeat(64) + "' is longer than 63 bytes",
                        "schema is empty",
                        "at least one event is needed (INSERT, UPDATE, DELETE)");
    }

    @Test
    void validateReportsEverySpecOnOneLine() {
        assertThatThrownBy(() -> WebhookValidator.validate(
                        List.of(with(1, "http://a/", Map.of(), HttpMethod.GET), spec("h", "t", "http://b/"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("2 problems: webhook h: timeout_ms must be between 1000 and 10000, not 1;"
                        + " webhook h is declared more than once");
    }

    @Test
    void loopbackUrlsGetAWarning() {
        assertThat(WebhookValidator.warnings(List.of(spec("h", "t", "http://localhost:3000/x"))))
                .singleElement()
                .asString()
                .contains("localhost is the database itself")
                .contains("host.docker.internal");
        assertThat(WebhookValidator.warnings(List.of(spec("h", "t", "http://127.0.0.2/x"))))
                .hasSize(1);
        assertThat(WebhookValidator.warnings(List.of(spec("h", "t", "http://stackend:8000/x"))))
                .isEmpty();
    }
}
