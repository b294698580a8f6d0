package dev.stackinit.keygen;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link KeyPlanner} starts from.
 *
 * @param current the values already in the stack's env files (empty when printing a fresh set)
 * @param givenJwtSecret a JWT secret supplied from the environment or a file, to use instead of generating one
 * @param rotate regenerate everything, even real values
 * @param asymmetric add the ES256 key set and the opaque sb_ keys
 * @param expiresIn lifetime of the API keys
 */
public record GenerateRequest(
        Map<String, String> current,
        Optional<String> givenJwtSecret,
        boolean rotate,
        boolean asymmetric,
        Duration expiresIn) {
    public GenerateRequest {
        current = Map.copyOf(current);
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn must be positive");
        }
        TokenRequest.checkLifetime(expiresIn);
    }

    @Override
    public String toString() {
        return "GenerateRequest[variables=" + current.keySet() + ", rotate=" + rotate + ", asymmetric=" + asymmetric
                + ", expiresIn=" + expiresIn + "]";
    }
}
