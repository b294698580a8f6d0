package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretSpecTest {
    private final RandomText random = new RandomText(IndependentJwt.seeded(7));

    @ParameterizedTest
    @EnumSource(SecretSpec.class)
    void generatedValuesMeetTheirOwnRulesAndAreNotPlaceholders(SecretSpec spec) {
        for (int i = 0; i < 50; i++) {
            String value = spec.generate(random);
            assertThat(spec.problem(value)).as(spec + " " + i).isEmpty();
            assertThat(spec.isPlaceholder(value)).isFalse();
            assertThat(value).doesNotContain("+", "/", "=", "$", " ", "#", "\"");
        }
    }

    @ParameterizedTest
    @EnumSource(SecretSpec.class)
    void theRulesRejectBadValues(SecretSpec spec) {
        assertThat(spec.problem("short")).isPresent();
        assertThat(spec.isPlaceholder("")).isTrue();
        assertThat(spec.isPlaceholder("your-own-value-goes-here")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void exactLengthsAndCharacterSets() {
        assertThat(SecretSpec.VAULT_ENC_KEY.generate(random)).hasSize(32);
        assertThat(SecretSpec.REALTIME_DB_ENC_KEY.generate(random)).hasSize(16);
        assertThat(SecretSpec.SECRET_KEY_BASE.generate(random)).hasSize(64);
        assertThat(SecretSpec.VAULT_ENC_KEY.problem("a".repeat(33))).contains("must be exactly 32 characters (is 33)");
        assertThat(SecretSpec.POSTGRES_PASSWORD.problem("abc@defgh1")).isPresent();
        assertThat(SecretSpec.DASHBOARD_PASSWORD.problem("1234567890")).isPresent();
        assertThat(SecretSpec.DASHBOARD_PASSWORD.problem("12345678a0")).isEmpty();
        assertThat(SecretSpec.JWT_SECRET.problem("a".repeat(31))).isPresent();
        assertThat(SecretSpec.JWT_SECRET.isPlaceholder(DemoValues.JWT_SECRET)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void theMongoKeyFileIsWhatMongodAccepts() {
        String key = SecretSpec.MONGO_KEYFILE.generate(random);
        // mongod: 6 to 1024 characters of the base64 alphabet; letters and digits need no quoting in .env or YAML
        assertThat(key).hasSize(1008).matches("[A-Za-z0-9]+");
        assertThat(SecretSpec.MONGO_KEYFILE.generate(random)).isNotEqualTo(key);
        assertThat(SecretSpec.MONGO_KEYFILE.problem("abcdef")).isEmpty();
        assertThat(SecretSpec.MONGO_KEYFILE.problem("ab+/cd==")).isEmpty();
        assertThat(SecretSpec.MONGO_KEYFILE.problem("a".repeat(1024))).isEmpty();
        assertThat(SecretSpec.MONGO_KEYFILE.problem("abcde")).contains("must be at least 6 characters (is 5)");
        assertThat(SecretSpec.MONGO_KEYFILE.problem("a".repeat(1025)))
                .contains("must be at most 1024 characters (is 1025)");
        assertThat(SecretSpec.MONGO_KEYFILE.problem("abc-def_ghi"))
                .get()
                .asString()
                .contains("base64 alphabet");
        assertThat(SecretSpec.MONGO_KEYFILE.problem("abc def")).isPresent();
        assertThat(SecretSpec.MONGO_KEYFILE.problem("ab=cdef")).isPresent();
    }

    @org.junit.jupiter.api.Test
    void mongoPasswordsHaveSixteenCharactersOrMoreOfAnyKind() {
        for (SecretSpec spec : new SecretSpec[] {SecretSpec.MONGO_ROOT_PASSWORD, SecretSpec.MONGO_APP_PASSWORD}) {
            assertThat(spec.generate(random)).hasSize(32).matches("[A-Za-z0-9]+");
            assertThat(spec.problem("p@ss:w/rd%with-16")).as(spec.name()).isEmpty();
            assertThat(spec.problem("fifteen-chars-x"))
                    .as(spec.name())
                    .contains("must be at least 16 characters (is 15)");
        }
    }
}
