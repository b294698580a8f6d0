package dev.stackinit.keygen;

import java.time.Duration;
import java.util.Map;

/**
 * What {@link KeyVerifier} checks.
 *
 * @param values the stack's variables (from env files or the environment)
 * @param allowDemo report Supabase's public demo values as warnings instead of errors
 * @param warnBefore how long before a key expires a warning starts
 */
public record VerifyRequest(Map<String, String> values, boolean allowDemo, Duration warnBefore) {
    public VerifyRequest {
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "VerifyRequest[variables=" + values.keySet() + ", allowDemo=" + allowDemo + "]";
    }
}
