package dev.stackinit.keygen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** A compact JWS split into its parts, decoded but not verified. {@code toString} never shows the token. */
public record DecodedJwt(
        Map<String, Object> header, Map<String, Object> payload, String signingInput, byte[] signature) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** @throws IllegalArgumentException if the text is not three base64url parts with JSON objects in the first two */
    public static DecodedJwt parse(String token) {
        if (token == null) {
            throw new IllegalArgumentException("no token");
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "not a JWT (expected 3 dot-separated parts, found " + parts.length + ")");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Map<String, Object> header = JSON.readValue(decoder.decode(parts[0]), MAP);
            Map<String, Object> payload = JSON.readValue(decoder.decode(parts[1]), MAP);
            return new DecodedJwt(header, payload, parts[0] + "." + parts[1], decoder.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWT (parts are not base64url JSON)", e);
        }
    }

    public String algorithm() {
        return String.valueOf(header.get("alg"));
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(header.get("kid")).map(String::valueOf);
    }

    public Optional<String> role() {
        return Optional.ofNullable(payload.get("role")).map(String::valueOf);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(payload.get("exp"))
                .filter(Number.class::isInstance)
                .map(n -> Instant.ofEpochSecond(((Number) n).longValue()));
    }

    public byte[] signingInputBytes() {
        return signingInput.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "DecodedJwt[alg=" + algorithm() + ", role=" + role().orElse("?") + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedJwt that
                && signingInput.equals(that.signingInput)
                && java.util.Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return signingInput.hashCode();
    }
}
