package dev.stackinit.keygen;

import dev.stackinit.errors.UsageException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A test token to mint.
 *
 * @param extraClaims more claims; they win over the standard ones of the same name
 */
public record TokenRequest(
        String jwtSecret,
        String role,
        Optional<String> subject,
        Optional<String> email,
        Optional<String> audience,
        Map<String, Object> extraClaims,
        Duration expiresIn) {
    /** Longer lifetimes only serve to overflow the clock (a JWT's exp is in seconds since 1970). */
    public static final Duration MAX_LIFETIME = Duration.ofDays(100 * 365);

    public TokenRequest {
        extraClaims = Map.copyOf(extraClaims);
        checkLifetime(expiresIn);
    }

    static void checkLifetime(Duration expiresIn) {
        if (expiresIn.compareTo(MAX_LIFETIME) > 0) {
            throw new UsageException("--expires-in must be at most 100y (36500d), not " + expiresIn.toDays() + " days");
        }
    }

    @Override
    public String toString() {
        return "TokenRequest[role=" + role + ", expiresIn=" + expiresIn + "]";
    }
}
