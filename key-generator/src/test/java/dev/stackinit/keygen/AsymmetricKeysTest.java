package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AsymmetricKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPlanner planner = new KeyPlanner(LegacyKeysTest.CLOCK, new RandomText(IndependentJwt.seeded(3)));
    private final Map<String, String> values = planner.plan(
                    new GenerateRequest(Map.of(), Optional.empty(), false, true, Duration.ofDays(1825)))
            .values();

    @Test
    void jwtKeysHoldExactlyOneSigningKeyAndTheSecretAsOct() throws Exception {
        JsonNode keys = JSON.readTree(values.get("JWT_KEYS"));
        assertThat(keys.isArray()).isTrue();
        assertThat(keys).hasSize(2);
        JsonNode ec = keys.get(0);
        assertThat(ec.get("kty").asText()).isEqualTo("EC");
        assertThat(ec.get("crv").asText()).isEqualTo("P-256");
        assertThat(ec.get("alg").asText()).isEqualTo("ES256");
        assertThat(ec.get("key_ops").toString()).isEqualTo("[\"sign\",\"verify\"]");
        assertThat(ec.get("kid").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ec.has("d")).isTrue();
        JsonNode oct = keys.get(1);
        assertThat(oct.get("kty").asText()).isEqualTo("oct");
        assertThat(new String(Base64.getUrlDecoder().decode(oct.get("k").asText()), StandardCharsets.UTF_8))
                .isEqualTo(values.get("JWT_SECRET"));
    }

    @Test
    void publicSetHasNoPrivatePartAndTheSameKid() throws Exception {
        JsonNode jwks = JSON.readTree(values.get("JWT_JWKS")).get("keys");
        JsonNode privateKey = JSON.readTree(values.get("JWT_KEYS")).get(0);
        assertThat(jwks.get(0).has("d")).isFalse();
        assertThat(jwks.get(0).get("kid")).isEqualTo(privateKey.get("kid"));
        assertThat(jwks.get(0).get("key_ops").toString()).isEqualTo("[\"verify\"]");
        assertThat(jwks.get(1).get("kty").asText()).isEqualTo("oct");
    }

    @Test
    void asymmetricApiKeysVerifyAsRawRsSignaturesWithThePublishedKey() throws Exception {
        JsonNode jwk = JSON.readTree(values.get("JWT_JWKS")).get("keys").get(0);
        PublicKey publicKey = publicKey(jwk);
        for (String name : new String[] {"ANON_KEY_ASYMMETRIC", "SERVICE_ROLE_KEY_ASYMMETRIC"}) {
            String token = values.get(name);
            String[] parts = token.split("\\.");
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            assertThat(signature).as("R||S is 64 bytes, DER would be ~70").hasSize(64);
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(signature)).as(name).isTrue();
            assertThat(IndependentJwt.header(token))
                    .containsEntry("alg", "ES256")
                    .containsEntry("typ", "JWT")
                    .containsEntry("kid", jwk.get("kid").asText());
            assertThat(IndependentJwt.payload(token))
                    .containsEntry("role", Vars.roleOf(name))
                    .containsEntry("iss", "supabase");
        }
    }

    @Test
    void opaqueKeysFollowTheChecksumRecipe() throws Exception {
        for (String[] kind :
                new String[][] {{"SUPABASE_PUBLISHABLE_KEY", "sb_publishable_"}, {"SUPABASE_SECRET_KEY", "sb_secret_"}
                }) {
            String key = values.get(kind[0]);
            assertThat(key).startsWith(kind[1]).hasSize(kind[1].length() + 22 + 1 + 8);
            String random = key.substring(kind[1].length(), kind[1].length() + 22);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("supabase-self-hosted|" + kind[1] + random).getBytes(StandardCharsets.UTF_8));
            String checksum = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 8);
            assertThat(key).endsWith("_" + checksum);
            assertThat(OpaqueKeys.isValid(key, kind[1])).isTrue();
            char other = key.endsWith("x") ? 'y' : 'x';
            assertThat(OpaqueKeys.isValid(key.substring(0, key.length() - 1) + other, kind[1]))
                    .isFalse();
        }
    }

    @Test
    void aSecondPlanKeepsTheAsymmetricSet() {
        KeyPlan again =
                planner.plan(new GenerateRequest(values, Optional.empty(), false, false, Duration.ofDays(1825)));
        assertThat(again.changed()).isEmpty();
        assertThat(new KeyVerifier(LegacyKeysTest.CLOCK).verify(new VerifyRequest(values, false, Duration.ofDays(30))))
                .isEmpty();
    }

    @Test
    void aNewJwtSecretRebuildsTheOctKeysButKeepsTheSigningKey() throws Exception {
        Map<String, String> changed = new java.util.HashMap<>(values);
        changed.put("JWT_SECRET", "");
        KeyPlan plan =
                planner.plan(new GenerateRequest(changed, Optional.empty(), false, false, Duration.ofDays(1825)));
        assertThat(plan.changed()).contains("JWT_SECRET", "ANON_KEY", "JWT_KEYS", "JWT_JWKS");
        assertThat(JSON.readTree(plan.values().get("JWT_KEYS")).get(0).get("d"))
                .isEqualTo(JSON.readTree(values.get("JWT_KEYS")).get(0).get("d"));
        assertThat(new KeyVerifier(LegacyKeysTest.CLOCK)
                        .verify(new VerifyRequest(plan.values(), false, Duration.ofDays(30))))
                .isEmpty();
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y").asText())));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }
}
