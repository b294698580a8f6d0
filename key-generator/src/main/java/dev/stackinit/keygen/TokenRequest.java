package dev.stackinit.keygen;

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
    public TokenRequest {
        extraClaims = Map.copyOf(extraClaims);
    }

    @Override
    public String toString() {
        return "TokenRequest[role=" + role + ", expiresIn=" + expiresIn + "]";
    }
}
