package dev.stackinit.keygen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The asymmetric part of {@link KeyVerifier}, run when any of its variables is set. */
final class AsymmetricChecks {
    private final Instant now;
    private final Duration warnBefore;

    AsymmetricChecks(Instant now, Duration warnBefore) {
        this.now = now;
        this.warnBefore = warnBefore;
    }

    void check(Map<String, String> values, String secret, List<Finding> findings) {
        EcSigningKey key = signingKey(values.get(Vars.JWT_KEYS), secret, findings);
        checkJwks(values.get(Vars.JWT_JWKS), key, secret, findings);
        for (String name : List.of(Vars.ANON_KEY_ASYMMETRIC, Vars.SERVICE_ROLE_KEY_ASYMMETRIC)) {
            findings.addAll(KeyChecks.check(
                    name,
                    values.get(name),
                    "ES256",
                    Vars.roleOf(name),
                    now,
                    warnBefore,
                    jwt -> key != null
                            && jwt.keyId().filter(key.kid()::equals).isPresent()
                            && AsymmetricKeys.signatureMatches(jwt, key.publicKey())));
        }
        opaque(values, Vars.PUBLISHABLE_KEY, OpaqueKeys.PUBLISHABLE, findings);
        opaque(values, Vars.SECRET_KEY, OpaqueKeys.SECRET, findings);
    }

    private static EcSigningKey signingKey(String jwtKeys, String secret, List<Finding> findings) {
        if (jwtKeys == null || jwtKeys.isBlank()) {
            findings.add(Finding.error(Vars.JWT_KEYS, "is missing while other asymmetric keys are set"));
            return null;
        }
        try {
            EcSigningKey key = AsymmetricKeys.signingKey(jwtKeys);
            if (secret != null && !AsymmetricKeys.containsSecret(jwtKeys, secret)) {
                findings.add(Finding.error(Vars.JWT_KEYS, "does not hold JWT_SECRET as its oct key"));
            }
            return key;
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(Vars.JWT_KEYS, "is unusable: " + e.getMessage()));
            return null;
        }
    }

    private static void checkJwks(String jwks, EcSigningKey key, String secret, List<Finding> findings) {
        if (jwks == null || jwks.isBlank()) {
            findings.add(Finding.error(Vars.JWT_JWKS, "is missing while JWT_KEYS is set"));
            return;
        }
        try {
            if (key != null && !AsymmetricKeys.containsPublicKey(jwks, key)) {
                findings.add(Finding.error(
                        Vars.JWT_JWKS, "does not hold the public signing key of JWT_KEYS (or holds a private key)"));
            }
            if (secret != null && !AsymmetricKeys.containsSecret(jwks, secret)) {
                findings.add(Finding.error(Vars.JWT_JWKS, "does not hold JWT_SECRET as its oct key"));
            }
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(Vars.JWT_JWKS, "is unusable: " + e.getMessage()));
        }
    }

    private static void opaque(Map<String, String> values, String name, String prefix, List<Finding> findings) {
        String key = values.get(name);
        if (key == null || key.isBlank()) {
            findings.add(Finding.error(name, "is missing while JWT_KEYS is set"));
        } else if (!OpaqueKeys.isValid(key, prefix)) {
            findings.add(Finding.error(name, "is not a valid " + prefix + "… key (shape or checksum)"));
        }
    }
}
