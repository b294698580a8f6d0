package dev.stackinit.keygen;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The asymmetric part of {@link KeyPlanner}: keeps the EC key unless rotating, rebuilds what no longer matches. */
final class AsymmetricPlanner {
    private final RandomText random;
    private final Instant issuedAt;
    private final Instant expiresAt;

    AsymmetricPlanner(RandomText random, Instant issuedAt, Instant expiresAt) {
        this.random = random;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    void plan(
            Map<String, String> current,
            String secret,
            boolean rotate,
            Map<String, String> values,
            List<String> notes) {
        String currentKeys = current.get(Vars.JWT_KEYS);
        EcSigningKey key = rotate ? null : existingKey(currentKeys, notes);
        boolean keyNew = key == null;
        if (keyNew) {
            key = EcSigningKey.generate(random);
        }
        boolean keysUsable = !keyNew && AsymmetricKeys.containsSecret(currentKeys, secret);
        values.put(Vars.JWT_KEYS, keysUsable ? currentKeys : AsymmetricKeys.jwtKeys(key, secret));
        String currentJwks = current.get(Vars.JWT_JWKS);
        String expectedJwks = AsymmetricKeys.jwks(key, secret);
        boolean jwksUsable =
                !keyNew && (AsymmetricKeys.sameJson(currentJwks, expectedJwks) || matches(currentJwks, key, secret));
        values.put(Vars.JWT_JWKS, jwksUsable ? currentJwks : expectedJwks);
        for (String name : List.of(Vars.ANON_KEY_ASYMMETRIC, Vars.SERVICE_ROLE_KEY_ASYMMETRIC)) {
            String existing = current.get(name);
            EcSigningKey signer = key;
            boolean keep = !keyNew
                    && existing != null
                    && !existing.isBlank()
                    && KeyChecks.problem(
                                    existing,
                                    "ES256",
                                    Vars.roleOf(name),
                                    issuedAt,
                                    jwt -> jwt.keyId()
                                                    .filter(signer.kid()::equals)
                                                    .isPresent()
                                            && AsymmetricKeys.signatureMatches(jwt, signer.publicKey()))
                            == null;
            values.put(name, keep ? existing : AsymmetricKeys.apiKey(key, Vars.roleOf(name), issuedAt, expiresAt));
        }
        opaque(current, Vars.PUBLISHABLE_KEY, OpaqueKeys.PUBLISHABLE, rotate, values);
        opaque(current, Vars.SECRET_KEY, OpaqueKeys.SECRET, rotate, values);
    }

    private EcSigningKey existingKey(String jwtKeys, List<String> notes) {
        if (jwtKeys == null || jwtKeys.isBlank()) {
            return null;
        }
        try {
            return AsymmetricKeys.signingKey(jwtKeys);
        } catch (IllegalArgumentException e) {
            notes.add("JWT_KEYS is unusable (" + e.getMessage() + "): a new signing key replaces it");
            return null;
        }
    }

    /** JWT_JWKS is fine if it has the secret and the public key under the same kid (other keys may be there). */
    private static boolean matches(String jwks, EcSigningKey key, String secret) {
        try {
            return AsymmetricKeys.containsSecret(jwks, secret) && AsymmetricKeys.containsPublicKey(jwks, key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void opaque(
            Map<String, String> current, String name, String prefix, boolean rotate, Map<String, String> values) {
        String existing = current.get(name);
        values.put(
                name, !rotate && OpaqueKeys.isValid(existing, prefix) ? existing : OpaqueKeys.generate(prefix, random));
    }
}
