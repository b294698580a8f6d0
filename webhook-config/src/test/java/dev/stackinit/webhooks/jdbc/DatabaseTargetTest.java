package dev.stackinit.webhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stackinit.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {
    @Test
    void postgresUrlsBecomeJdbcUrlsWithUserAndPassword() {
        DatabaseTarget target = DatabaseTarget.parse("postgres://postgres:s3cr%40t+x@db:5432/app?sslmode=disable");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=disable");
        assertThat(target.user()).isEqualTo("postgres");
        assertThat(target.password()).isEqualTo("s3cr@t+x");
        assertThat(target.toString()).doesNotContain("s3cr");
    }

    @Test
    void percentEscapesAreUtf8AndAStrayPercentIsInvalidInputNamingNoPassword() {
        assertThat(DatabaseTarget.parse("postgres://us%65r:p%C3%A4ss%2B+%25@db/app")
                        .password())
                .isEqualTo("päss++%");
        assertThat(DatabaseTarget.parse("postgres://us%65r:x@db/app").user()).isEqualTo("user");
        for (String bad : List.of("hunter22%zz", "hunter22%2", "hunter22%", "hunter22%ff")) {
            assertThatThrownBy(() -> DatabaseTarget.parse("postgres://u:" + bad + "@db/app"))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid database URL postgres://u:****@db/app")
                    .hasMessageNotContaining("hunter22");
        }
    }

    @Test
    void unencodedAtSignsInPasswordsStillWork() {
        DatabaseTarget target = DatabaseTarget.parse("postgresql://u:p@ss@localhost/db");
        assertThat(target.password()).isEqualTo("p@ss");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db");
    }

    @Test
    void missingPartsTakeDefaults() {
        assertThat(DatabaseTarget.parse("postgres://db").jdbcUrl()).isEqualTo("jdbc:postgresql://db/postgres");
        assertThat(DatabaseTarget.parse("postgres://u@db").password()).isNull();
    }

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://localhost:5432/postgres?user=x");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres?user=x");
        assertThat(target.user()).isNull();
    }

    @Test
    void otherSchemesAreInvalidInputAndMasked() {
        assertThatThrownBy(() -> DatabaseTarget.parse("mysql://u:hunter22@db/x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void onlyConnectionFailuresAreWorthWaitingFor() {
        assertThat(Connector.notReadyYet(new SQLException("refused", "08001"))).isTrue();
        assertThat(Connector.notReadyYet(new SQLException("starting up", "57P03")))
                .isTrue();
        assertThat(Connector.notReadyYet(new SQLException("bad password", "28P01")))
                .isFalse();
    }

    @Test
    void triggerArgumentsSplitOnNulBytes() {
        byte[] bytes = "http://a/\0POST\0{}\0\0héllo\0".getBytes(StandardCharsets.UTF_8);
        assertThat(TriggerArguments.decode(bytes, 5, StandardCharsets.UTF_8))
                .isEqualTo(List.of("http://a/", "POST", "{}", "", "héllo"));
    }
}
