package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksPasswordsInUris() {
        SecretMasker masker = SecretMasker.urisOnly();
        assertThat(masker.mask("cannot reach mongodb://admin:s3cr%40t@db:27017/x?authSource=admin"))
                .isEqualTo("cannot reach mongodb://admin:****@db:27017/x?authSource=admin");
        assertThat(masker.mask("postgres://postgres:pw@localhost:5432/postgres and postgresql://u:p@h/d"))
                .isEqualTo("postgres://postgres:****@localhost:5432/postgres and postgresql://u:****@h/d");
        assertThat(masker.mask("jdbc:postgresql://h/db?user=u&password=hunter22&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
    }

    @Test
    void leavesUrisWithoutPasswordAlone() {
        assertThat(SecretMasker.urisOnly().mask("mongodb://db:27017/?directConnection=true"))
                .isEqualTo("mongodb://db:27017/?directConnection=true");
        assertThat(SecretMasker.urisOnly().mask("mongodb://user@db:27017")).isEqualTo("mongodb://user@db:27017");
    }

    @Test
    void masksKnownSecretValuesLongestFirst() {
        SecretMasker masker = SecretMasker.of(List.of("abcdefgh", "abcdefghijkl", "abc"));
        assertThat(masker.mask("x abcdefghijkl y abcdefgh z abc")).isEqualTo("x **** y **** z abc");
    }

    @Test
    void takesSecretsFromVariablesNamedLikeSecrets() {
        SecretMasker masker = SecretMasker.fromEnv(Map.of(
                "JWT_SECRET", "super-secret-value-1234567890",
                "POSTGRES_PASSWORD", "pgpassword99",
                "ANON_KEY", "eyJhbGciOi.payload.sig",
                "HOME", "/root/home-directory"));
        assertThat(masker.mask("secret super-secret-value-1234567890 pw pgpassword99 key eyJhbGciOi.payload.sig"))
                .isEqualTo("secret **** pw **** key ****");
        assertThat(masker.mask("home /root/home-directory")).isEqualTo("home /root/home-directory");
    }

    @Test
    void keyIsASecretAsAWordButTheKeysSectionOfStackInitIsNot() {
        assertThat(SecretMasker.isSecretName("ANON_KEY")).isTrue();
        assertThat(SecretMasker.isSecretName("SUPABASE_SERVICE_ROLE_KEY")).isTrue();
        assertThat(SecretMasker.isSecretName("KEY_GENERATOR_JWT_SECRET")).isTrue();
        assertThat(SecretMasker.isSecretName("JWT_KEYS")).isTrue();
        assertThat(SecretMasker.isSecretName("JWT_JWKS")).isTrue();
        // the MongoDB keyFile content shared by the replica-set members
        assertThat(SecretMasker.isSecretName("MONGO_KEYFILE")).isTrue();
        assertThat(SecretMasker.isSecretName("MONGO_KEY_FILE")).isTrue();
        // stack-init's keys section: its mode and file names must stay readable in messages
        assertThat(SecretMasker.isSecretName("STACK_INIT_KEYS_MODE")).isFalse();
        assertThat(SecretMasker.isSecretName("STACK_INIT_KEYS_ENV_FILES")).isFalse();
        assertThat(SecretMasker.isSecretName("KEY_GENERATOR_ENV_FILE")).isFalse();
    }
}
