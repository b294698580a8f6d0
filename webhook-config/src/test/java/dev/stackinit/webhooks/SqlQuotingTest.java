package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SqlQuotingTest {
    @Test
    void plainLowerCaseNamesStayBare() {
        assertThat(SqlQuoting.ident("new_user")).isEqualTo("new_user");
        assertThat(SqlQuoting.ident("_x1$")).isEqualTo("_x1$");
    }

    @Test
    void everythingElseIsQuotedWithQuotesDoubled() {
        assertThat(SqlQuoting.ident("NewUser")).isEqualTo("\"NewUser\"");
        assertThat(SqlQuoting.ident("user")).isEqualTo("\"user\"");
        assertThat(SqlQuoting.ident("order")).isEqualTo("\"order\"");
        assertThat(SqlQuoting.ident("1st")).isEqualTo("\"1st\"");
        assertThat(SqlQuoting.ident("a\"; DROP TABLE x; --")).isEqualTo("\"a\"\"; DROP TABLE x; --\"");
        assertThat(SqlQuoting.ident("héllo")).isEqualTo("\"héllo\"");
    }

    @Test
    void literalsDoubleQuotesAndUseEStringsForBackslashes() {
        assertThat(SqlQuoting.literal("it's")).isEqualTo("'it''s'");
        assertThat(SqlQuoting.literal("a\\'b")).isEqualTo("E'a\\\\''b'");
        assertThat(SqlQuoting.literal("😀;--")).isEqualTo("'😀;--'");
    }

    @Test
    void nulCharactersAreRefused() {
        assertThatThrownBy(() -> SqlQuoting.literal("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void triggerStatementQuotesHostileNames() {
        WebhookSpec spec = new WebhookSpec(
                "Hook\"; x",
                "my schema",
                "Order",
                EnumSet.of(Event.DELETE, Event.INSERT),
                "http://a/?q='1';--",
                HttpMethod.GET,
                null,
                null,
                1000);
        assertThat(TriggerSql.create(spec))
                .isEqualTo("CREATE TRIGGER \"Hook\"\"; x\" AFTER INSERT OR DELETE ON \"my schema\".\"Order\" FOR EACH"
                        + " ROW EXECUTE FUNCTION supabase_functions.http_request('http://a/?q=''1'';--', 'GET', '{}',"
                        + " '{}', '1000')");
    }
}
