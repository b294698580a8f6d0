package dev.stackinit.keygen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The checks every API key JWT gets: shape, algorithm, signature, role and expiry. */
final class KeyChecks {
    private KeyChecks() {}

    /**
     * @param signatureOk verifies the signature with the stack's key (JWT_SECRET or the EC public key)
     * @param warnBefore how long before expiry a warning starts
     */
    static List<Finding> check(
            String name,
            String token,
            String algorithm,
            String role,
            Instant now,
            Duration warnBefore,
            Predicate<DecodedJwt> signatureOk) {
        List<Finding> findings = new ArrayList<>();
        if (token == null || token.isBlank()) {
            findings.add(Finding.error(name, "is missing"));
            return findings;
        }
        DecodedJwt jwt;
        try {
            jwt = DecodedJwt.parse(token);
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(name, "is " + e.getMessage()));
            return findings;
        }
        if (!algorithm.equals(jwt.algorithm())) {
            findings.add(Finding.error(name, "uses alg " + jwt.algorithm() + ", expected " + algorithm));
        } else if (!signatureOk.test(jwt)) {
            findings.add(Finding.error(
                    name,
                    "HS256".equals(algorithm)
                            ? "is not signed with JWT_SECRET (signed with another secret)"
                            : "is not signed with the signing key in JWT_KEYS"));
        }
        String actualRole = jwt.role().orElse(null);
        if (actualRole == null) {
            findings.add(Finding.error(name, "has no role claim, expected " + role));
        } else if (!role.equals(actualRole)) {
            findings.add(Finding.error(
                    name, "has role " + actualRole + ", expected " + role + " (anon and service_role keys swapped?)"));
        }
        expiry(name, jwt, now, warnBefore, findings);
        return findings;
    }

    /** The first error of {@link #check}, or null if the key is usable. */
    static String problem(String token, String algorithm, String role, Instant now, Predicate<DecodedJwt> signatureOk) {
        return check("", token, algorithm, role, now, Duration.ZERO, signatureOk).stream()
                .filter(Finding::isError)
                .map(Finding::message)
                .findFirst()
                .orElse(null);
    }

    private static void expiry(String name, DecodedJwt jwt, Instant now, Duration warnBefore, List<Finding> findings) {
        Instant expiresAt = jwt.expiresAt().orElse(null);
        if (expiresAt == null) {
            findings.add(Finding.warning(name, "has no exp claim: it never expires"));
            return;
        }
        LocalDate day = LocalDate.ofInstant(expiresAt, ZoneOffset.UTC);
        if (!expiresAt.isAfter(now)) {
            findings.add(Finding.error(name, "expired on " + day));
        } else if (Duration.between(now, expiresAt).compareTo(warnBefore) < 0) {
            long days = Duration.between(now, expiresAt).toDays();
            findings.add(Finding.warning(name, "expires on " + day + " (" + days + " days left)"));
        }
    }
}
