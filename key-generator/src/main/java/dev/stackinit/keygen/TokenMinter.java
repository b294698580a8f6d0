package dev.stackinit.keygen;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mints an HS256 JWT for tests and CI, shaped like the user tokens GoTrue issues. */
public final class TokenMinter {
    private final Clock clock;

    public TokenMinter(Clock clock) {
        this.clock = clock;
    }

    public String mint(TokenRequest request) {
        SecretSpec.JWT_SECRET.problem(request.jwtSecret()).ifPresent(problem -> {
            throw new InvalidInputException("JWT_SECRET " + problem);
        });
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> claims = new LinkedHashMap<>();
        request.subject().ifPresent(sub -> claims.put("sub", sub));
        request.email().ifPresent(email -> claims.put("email", email));
        claims.put("role", request.role());
        request.audience().ifPresent(aud -> claims.put("aud", aud));
        claims.put("iss", LegacyKeys.ISSUER);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(request.expiresIn()).getEpochSecond());
        claims.putAll(request.extraClaims());
        try {
            return LegacyKeys.token(request.jwtSecret(), claims);
        } catch (IllegalArgumentException refused) {
            // jjwt checks registered claims: --claim exp=soon is not a NumericDate
            String reason = refused.getMessage() == null
                    ? refused.toString()
                    : refused.getMessage().lines().findFirst().orElse("");
            throw new UsageException("a --claim value cannot go into a JWT: " + reason);
        }
    }
}
