package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyVerifierTest {
    private static final Instant NOW = LegacyKeysTest.NOW;

    private final Map<String, String> fresh = new KeyPlanner(
                    LegacyKeysTest.CLOCK, new RandomText(IndependentJwt.seeded(5)))
            .plan(new GenerateRequest(Map.of(), Optional.empty(), false, false, Duration.ofDays(1825)))
            .values();

    private List<Finding> verify(Map<String, String> values, boolean allowDemo, Instant at) {
        return new KeyVerifier(Clock.fixed(at, ZoneOffset.UTC))
                .verify(new VerifyRequest(values, allowDemo, Duration.ofDays(30)));
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> values = new HashMap<>(fresh);
        values.put(name, value);
        return values;
    }

    private static List<String> errors(List<Finding> findings) {
        return findings.stream()
                .filter(Finding::isError)
                .map(f -> f.subject() + ": " + f.message())
                .toList();
    }

    @Test
    void freshOutputHasNoFindings() {
        assertThat(verify(fresh, false, NOW)).isEmpty();
    }

    @Test
    void aKeySignedWithAnotherSecretIsAnError() {
        String other =
                LegacyKeys.apiKey("another-secret-that-is-long-enough-12345", "anon", NOW, NOW.plusSeconds(3600));
        assertThat(errors(verify(with("ANON_KEY", other), false, NOW)))
                .containsExactly("ANON_KEY: is not signed with JWT_SECRET (signed with another secret)");
    }

    @Test
    void swappedRolesAreErrors() {
        Map<String, String> swapped = with("ANON_KEY", fresh.get("SERVICE_ROLE_KEY"));
        swapped.put("SERVICE_ROLE_KEY", fresh.get("ANON_KEY"));
        assertThat(errors(verify(swapped, false, NOW))).hasSize(2).allMatch(line -> line.contains("swapped"));
    }

    @Test
    void expiredKeysAreErrorsAndSoonExpiringOnesWarnings() {
        assertThat(errors(verify(fresh, false, NOW.plus(Duration.ofDays(1826)))))
                .contains("ANON_KEY: expired on 2031-11-21");
        List<Finding> soon = verify(fresh, false, NOW.plus(Duration.ofDays(1825 - 10)));
        assertThat(errors(soon)).isEmpty();
        assertThat(soon)
                .extracting(Finding::line)
                .anyMatch(l -> l.startsWith("WARNING") && l.contains("(10 days left)"));
    }

    @Test
    void theDemoSecretAndDemoKeysAreErrorsUnlessAllowed() {
        Map<String, String> demo = with("JWT_SECRET", DemoValues.JWT_SECRET);
        demo.put("ANON_KEY", LegacyKeysTest.DEMO_ANON);
        demo.put(
                "SERVICE_ROLE_KEY",
                LegacyKeys.apiKey(DemoValues.JWT_SECRET, "service_role", NOW, NOW.plusSeconds(9999)));
        assertThat(errors(verify(demo, false, NOW)))
                .contains(
                        "JWT_SECRET: is Supabase's public demo secret (anyone can sign keys with it)",
                        "ANON_KEY: is Supabase's public demo key (anyone can forge it; expires 2027-01-09)",
                        "SERVICE_ROLE_KEY: is Supabase's public demo key (anyone can forge it; expires 2027-01-09)");
        assertThat(errors(verify(demo, true, NOW))).isEmpty();
        assertThat(errors(verify(demo, true, Instant.parse("2027-02-01T00:00:00Z"))))
                .contains("ANON_KEY: expired on 2027-01-09");
    }

    @Test
    void shortSecretsPlaceholdersAndMissingKeysAreErrors() {
        Map<String, String> bad = with("JWT_SECRET", "too-short");
        bad.put("VAULT_ENC_KEY", "your-32-character-encryption-key");
        bad.put("REALTIME_DB_ENC_KEY", "abc");
        bad.remove("SERVICE_ROLE_KEY");
        assertThat(errors(verify(bad, false, NOW)))
                .contains(
                        "JWT_SECRET: must be at least 32 characters (is 9)",
                        "VAULT_ENC_KEY: is a placeholder from Supabase's .env.example",
                        "REALTIME_DB_ENC_KEY: must be exactly 16 characters (is 3)",
                        "SERVICE_ROLE_KEY: is missing");
    }

    @Test
    void findingsNeverContainValues() {
        Map<String, String> bad = with("ANON_KEY", "garbage-value-xyz");
        List<Finding> findings = verify(bad, false, NOW);
        assertThat(findings).isNotEmpty();
        for (Finding finding : findings) {
            for (String value : bad.values()) {
                assertThat(finding.line()).doesNotContain(value);
            }
        }
    }
}
