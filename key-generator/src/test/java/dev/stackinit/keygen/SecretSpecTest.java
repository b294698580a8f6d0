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
}
