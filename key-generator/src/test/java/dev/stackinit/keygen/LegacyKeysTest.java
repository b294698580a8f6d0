package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyKeysTest {
    static final String DEMO_ANON =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyAgCiAgICAicm9sZSI6ICJhbm9uIiwKICAgICJpc3MiOiAic3VwYWJhc2UtZGVtbyIsCiAgICAiaWF0IjogMTY0MTc2OTIwMCwKICAgICJleHAiOiAxNzk5NTM1NjAwCn0.dc_X5iR_VP_qT0zsiyj_I_OZ2T9FtRU2BBNWN8Bu4GE";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KeyPlanner planner = new KeyPlanner(CLOCK, new RandomText(IndependentJwt.seeded(1)));

    private KeyPlan fresh() {
        return planner.plan(
                new GenerateRequest(Map.of(), java.util.Optional.empty(), false, false, Duration.ofDays(5 * 365)));
    }

    @Test
    void generatedKeysVerifyWithAnIndependentHs256Check() throws Exception {
        KeyPlan plan = fresh();
        String secret = plan.values().get("JWT_SECRET");
        for (String key : Vars.LEGACY_KEYS) {
            String token = plan.values().get(key);
            assertThat(IndependentJwt.hs256Verifies(token, secret)).as(key).isTrue();
            assertThat(IndependentJwt.hs256Verifies(token, secret + "x"))
                    .as(key)
                    .isFalse();
            assertThat(IndependentJwt.header(token))
                    .containsEntry("alg", "HS256")
                    .containsEntry("typ", "JWT");
        }
    }

    @Test
    void payloadsCarryRoleIssuerAndFiveYears() throws Exception {
        KeyPlan plan = fresh();
        Map<String, Object> anon = IndependentJwt.payload(plan.values().get("ANON_KEY"));
        Map<String, Object> service = IndependentJwt.payload(plan.values().get("SERVICE_ROLE_KEY"));
        assertThat(anon).containsEntry("role", "anon").containsEntry("iss", "supabase");
        assertThat(service).containsEntry("role", "service_role");
        assertThat(((Number) anon.get("iat")).longValue()).isEqualTo(NOW.getEpochSecond());
        assertThat(((Number) anon.get("exp")).longValue() - ((Number) anon.get("iat")).longValue())
                .isEqualTo(5L * 365 * 24 * 3600);
        assertThat(anon.keySet()).containsExactly("role", "iss", "iat", "exp");
    }

    @Test
    void jwtSecretIsFortyUrlSafeCharacters() {
        String secret = fresh().values().get("JWT_SECRET");
        assertThat(secret).hasSize(40).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theDemoKeysAreRecognised() throws Exception {
        assertThat(IndependentJwt.hs256Verifies(DEMO_ANON, DemoValues.JWT_SECRET))
                .isTrue();
        assertThat(DemoValues.isDemoKey(DEMO_ANON)).isTrue();
        String ownKeySignedWithDemoSecret = LegacyKeys.apiKey(DemoValues.JWT_SECRET, "anon", NOW, NOW.plusSeconds(60));
        assertThat(DemoValues.isDemoKey(ownKeySignedWithDemoSecret)).isTrue();
        assertThat(DemoValues.isDemoKey(fresh().values().get("ANON_KEY"))).isFalse();
        assertThat(DemoValues.isDemoKey("not a jwt")).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        KeyPlanner again = new KeyPlanner(CLOCK, new RandomText(IndependentJwt.seeded(1)));
        assertThat(again.plan(new GenerateRequest(
                                Map.of(), java.util.Optional.empty(), false, false, Duration.ofDays(1825)))
                        .values())
                .isEqualTo(fresh().values());
    }
}
