package dev.stackinit.seeder.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriCredentialsTest {

    @ParameterizedTest
    @ValueSource(strings = {"plainPassword1234", "p@ss:w/rd?#[]%+ &=", "ümlaut-€-password"})
    void aPasswordOfAnyCharactersGoesInEncodedAndTheDriverReadsItBack(String password) {
        String uri = UriCredentials.withPassword(
                "mongodb://root@mongo:27017/?directConnection=true&authSource=admin",
                password,
                "--target-uri",
                "MONGO_SEEDER_TARGET_PASSWORD");

        ConnectionString parsed = new ConnectionString(uri);
        assertThat(new String(parsed.getPassword())).isEqualTo(password);
        assertThat(parsed.getUsername()).isEqualTo("root");
        assertThat(parsed.getHosts()).containsExactly("mongo:27017");
        assertThat(parsed.getCredential().getSource()).isEqualTo("admin");
        assertThat(MongoConnector.mask(uri)).doesNotContain(password).contains("root:****@mongo");
    }

    @Test
    void theUserInfoEndsAtTheLastAtSignBeforeThePath() {
        assertThat(UriCredentials.withPassword(
                        "mongodb+srv://app%40x@cluster.example.net/db", "pw", "--source-uri", "X"))
                .isEqualTo("mongodb+srv://app%40x:pw@cluster.example.net/db");
        assertThat(UriCredentials.withoutUserInfo("mongodb://root:secret@localhost:27017/?authSource=admin"))
                .isEqualTo("mongodb://localhost:27017/?authSource=admin");
        assertThat(UriCredentials.withoutUserInfo("mongodb://localhost:27017/?x=a@b"))
                .isEqualTo("mongodb://localhost:27017/?x=a@b");
        assertThat(UriCredentials.hasUserWithoutPassword("mongodb://root@h/")).isTrue();
        assertThat(UriCredentials.hasUserWithoutPassword("mongodb://root:pw@h/"))
                .isFalse();
        assertThat(UriCredentials.hasUserWithoutPassword("mongodb://h/?a=b@c")).isFalse();
        assertThat(UriCredentials.withoutUserInfo("not a uri")).isEqualTo("not a uri");
    }

    @Test
    void aPasswordNeedsAUserAndOnlyOnePassword() {
        assertThatThrownBy(() -> UriCredentials.withPassword(
                        "mongodb://mongo:27017/", "secret-value", "--target-uri", "MONGO_SEEDER_TARGET_PASSWORD"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--target-uri names no user")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> UriCredentials.withPassword(
                        "mongodb://root:old-uri-pw@mongo:27017/", "secret-value", "--target-uri", "X"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("comes from two places")
                .hasMessageNotContaining("secret-value")
                .hasMessageNotContaining("old-uri-pw");
    }
}
