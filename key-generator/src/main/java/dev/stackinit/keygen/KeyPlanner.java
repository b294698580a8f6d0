package dev.stackinit.keygen;

import dev.stackinit.errors.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the full set of secrets and keys: keeps every real value, fills what is missing or a known placeholder,
 * re-signs the API keys whenever the JWT secret is new or a key does not verify, and regenerates all on rotate.
 */
public final class KeyPlanner {
    private final Clock clock;
    private final RandomText random;

    public KeyPlanner(Clock clock, RandomText random) {
        this.clock = clock;
        this.random = random;
    }

    public KeyPlan plan(GenerateRequest request) {
        Map<String, String> current = request.current();
        List<String> notes = new ArrayList<>();
        String secret = jwtSecret(request);
        boolean secretChanged = !secret.equals(current.get(Vars.JWT_SECRET));
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(request.expiresIn());

        Map<String, String> values = new LinkedHashMap<>();
        values.put(Vars.JWT_SECRET, secret);
        for (String key : Vars.LEGACY_KEYS) {
            String existing = current.get(key);
            boolean keep = !request.rotate() && !secretChanged && usableLegacyKey(key, existing, secret, notes);
            values.put(key, keep ? existing : LegacyKeys.apiKey(secret, Vars.roleOf(key), issuedAt, expiresAt));
        }
        for (SecretSpec spec : SecretSpec.values()) {
            if (spec != SecretSpec.JWT_SECRET) {
                values.put(spec.name(), plainSecret(spec, current.get(spec.name()), request.rotate(), notes));
            }
        }
        MongoValues.plan(current, values, notes);
        for (PublicDefaults credential : PublicDefaults.of(PublicDefaults.Kind.CREDENTIAL)) {
            credential
                    .credentialNotice(current.get(credential.name()))
                    .ifPresent(notice -> notes.add(credential.name() + " " + notice));
        }
        if (request.asymmetric() || hasValue(current, Vars.JWT_KEYS)) {
            new AsymmetricPlanner(random, issuedAt, expiresAt).plan(current, secret, request.rotate(), values, notes);
        }
        List<String> changed = values.keySet().stream()
                .filter(name -> !Objects.equals(values.get(name), current.get(name)))
                .toList();
        return new KeyPlan(values, changed, notes);
    }

    private String jwtSecret(GenerateRequest request) {
        String existing = request.current().get(Vars.JWT_SECRET);
        boolean placeholder = SecretSpec.JWT_SECRET.isPlaceholder(existing);
        String secret;
        if (request.givenJwtSecret().isPresent()) {
            secret = request.givenJwtSecret().get();
            if (!request.rotate() && !placeholder && !secret.equals(existing)) {
                throw new InvalidInputException("the given JWT_SECRET differs from the one in the env file; unset it "
                        + "to keep the file's secret, or add --rotate to replace everything");
            }
            if (SecretSpec.JWT_SECRET.isPlaceholder(secret)) {
                throw new InvalidInputException(
                        "the given JWT_SECRET is a placeholder (Supabase's public demo secret?)");
            }
        } else {
            secret = request.rotate() || placeholder ? SecretSpec.JWT_SECRET.generate(random) : existing;
        }
        SecretSpec.JWT_SECRET.problem(secret).ifPresent(problem -> {
            throw new InvalidInputException("JWT_SECRET " + problem + ": PostgREST rejects shorter secrets; empty it "
                    + "in the env file to have one generated, or run generate --rotate");
        });
        return secret;
    }

    private boolean usableLegacyKey(String name, String token, String secret, List<String> notes) {
        if (token == null || token.isBlank() || DemoValues.isDemoKey(token)) {
            return false;
        }
        String problem = KeyChecks.problem(
                token, "HS256", Vars.roleOf(name), clock.instant(), jwt -> LegacyKeys.signatureMatches(jwt, secret));
        if (problem != null) {
            notes.add(name + " " + problem + ": re-signed");
            return false;
        }
        return true;
    }

    private String plainSecret(SecretSpec spec, String existing, boolean rotate, List<String> notes) {
        if (rotate || spec.isPlaceholder(existing)) {
            return spec.generate(random);
        }
        spec.problem(existing)
                .ifPresent(problem -> notes.add(spec.name() + " " + problem
                        + ": kept as it is; empty it in the env file to have a valid one generated"));
        return existing;
    }

    static boolean hasValue(Map<String, String> values, String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }
}
