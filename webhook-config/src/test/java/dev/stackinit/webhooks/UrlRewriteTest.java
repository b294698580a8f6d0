package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlRewriteTest {
    @Test
    void replacesTheMatchingPrefixOnly() {
        UrlRewrite rewrite = UrlRewrite.parse("https://api.example.com=>http://stackend:8000");
        assertThat(rewrite).isEqualTo(new UrlRewrite("https://api.example.com", "http://stackend:8000"));
        assertThat(rewrite.apply("https://api.example.com/webhooks/new_user"))
                .isEqualTo("http://stackend:8000/webhooks/new_user");
        assertThat(rewrite.apply("https://other.example.com/x")).isEqualTo("https://other.example.com/x");
    }

    @Test
    void theFirstMatchingRewriteWins() {
        List<UrlRewrite> rewrites =
                List.of(UrlRewrite.parse("https://a=>http://b"), UrlRewrite.parse("http://b=>http://c"));
        assertThat(UrlRewrite.applyFirst(rewrites, "https://a/x")).isEqualTo("http://b/x");
    }

    @Test
    void malformedRewritesAreInvalidInput() {
        assertThatThrownBy(() -> UrlRewrite.parse("https://a->http://b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("FROM=>TO");
        assertThatThrownBy(() -> UrlRewrite.parse("=>http://b")).isInstanceOf(InvalidInputException.class);
    }
}
