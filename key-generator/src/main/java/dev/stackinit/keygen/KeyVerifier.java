package dev.stackinit.keygen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a stack's secrets and keys: both API keys verify with JWT_SECRET, carry the right roles and have not expired;
 * the secrets have usable lengths; no public demo value is in use; the asymmetric set, when present, is consistent.
 */
public final class KeyVerifier {
    private final Clock clock;

    public KeyVerifier(Clock clock) {
        this.clock = clock;
    }

    public List<Finding> verify(VerifyRequest request) {
        Map<String, String> values = request.values();
        Instant now = clock.instant();
        List<Finding> findings = new ArrayList<>();
        String secret = values.get(Vars.JWT_SECRET);
        checkSecrets(request, findings);
        for (PublicDefaults credential : PublicDefaults.of(PublicDefaults.Kind.CREDENTIAL)) {
            credential
                    .credentialNotice(values.get(credential.name()))
                    .ifPresent(notice -> findings.add(Finding.warning(credential.name(), notice)));
        }
        for (String key : Vars.LEGACY_KEYS) {
            String token = values.get(key);
            if (token != null && DemoValues.isDemoKey(token)) {
                findings.add(
                        demo(request, key, "is Supabase's public demo key (anyone can forge it; expires 2027-01-09)"));
            }
            findings.addAll(KeyChecks.check(
                    key,
                    token,
                    "HS256",
                    Vars.roleOf(key),
                    now,
                    request.warnBefore(),
                    jwt -> secret != null && LegacyKeys.signatureMatches(jwt, secret)));
        }
        MongoValues.check(values, findings);
        if (Vars.ASYMMETRIC.stream().anyMatch(name -> KeyPlanner.hasValue(values, name))) {
            new AsymmetricChecks(now, request.warnBefore()).check(values, secret, findings);
        }
        return findings;
    }

    private void checkSecrets(VerifyRequest request, List<Finding> findings) {
        Map<String, String> values = request.values();
        for (SecretSpec spec : SecretSpec.values()) {
            String value = values.get(spec.name());
            if (value == null) {
                if (spec == SecretSpec.JWT_SECRET) {
                    findings.add(Finding.error(spec.name(), "is missing"));
                }
                continue;
            }
            if (value.isBlank()) {
                findings.add(Finding.error(spec.name(), "is empty"));
            } else if (spec == SecretSpec.JWT_SECRET && value.equals(DemoValues.JWT_SECRET)) {
                findings.add(
                        demo(request, spec.name(), "is Supabase's public demo secret (anyone can sign keys with it)"));
            } else if (spec.isPlaceholder(value)) {
                findings.add(demo(request, spec.name(), "is a placeholder from Supabase's .env.example"));
            } else {
                spec.problem(value).ifPresent(problem -> findings.add(Finding.error(spec.name(), problem)));
            }
        }
    }

    private static Finding demo(VerifyRequest request, String name, String message) {
        return request.allowDemo() ? Finding.warning(name, message) : Finding.error(name, message);
    }
}
