package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.UsageException;
import dev.stackinit.migrator.jdbc.DatabaseUrl;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void libpqUrlsBecomeJdbcWithUserAndPasswordApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://postgres:p%40ss@db:6543/app?sslmode=require", null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/app?sslmode=require");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.display()).isEqualTo("postgres://postgres@db:6543/app").doesNotContain("p@ss");
    }

    @Test
    void jdbcUrlsKeepTheirParametersAndTheFallbackPasswordFillsIn() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/postgres?user=postgres&ssl=false", "pw");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres?ssl=false");
        assertThat(url.withUser("supabase_admin").display())
                .isEqualTo("postgres://supabase_admin@localhost:5432/postgres");
    }

    @Test
    void otherUrlsAreUsageErrorsWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:secret@db/x", null))
                .isInstanceOf(UsageException.class)
                .hasMessageNotContaining("secret");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "postgres://localhost:99999/db",
                "postgres://localhost:0/db",
                "jdbc:postgresql://localhost:65536/db",
                "postgres://u:secret@localhost:99999999999999/db"
            })
    void aPortOutsideOneTo65535IsInvalidInputNamingIt(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url, null))
                .isInstanceOf(dev.stackinit.errors.InvalidInputException.class)
                .hasMessageContaining("is not between 1 and 65535")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aPlusInThePasswordOrDatabaseStaysAPlusAndReachesTheDriverAsOne() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:a+b%20c@db/my+db?currentSchema=x+y", null);
        assertThat(url.password()).isEqualTo("a+b c");
        assertThat(url.database()).isEqualTo("my+db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%2Bdb?currentSchema=x%2By");
        java.util.Properties read = org.postgresql.Driver.parseURL(url.jdbcUrl(), url.properties());
        assertThat(read.getProperty("PGDBNAME")).isEqualTo("my+db");
        assertThat(read.getProperty("currentSchema")).isEqualTo("x+y");
        assertThat(read.getProperty("password")).isEqualTo("a+b c");
    }

    @Test
    void aStrayPercentInThePasswordIsInvalidInputNamingTheUrlMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://app:pw%zzsecret@db/app", null))
                .isInstanceOf(dev.stackinit.errors.InvalidInputException.class)
                .hasMessageContaining("postgres://app:")
                .hasMessageContaining("not followed by two hex digits")
                .hasMessageNotContaining("secret");
    }
}
