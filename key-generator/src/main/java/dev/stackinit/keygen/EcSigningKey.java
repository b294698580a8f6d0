package dev.stackinit.keygen;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An EC P-256 signing key with its kid, convertible to and from the JWKs GoTrue reads from GOTRUE_JWT_KEYS. */
public record EcSigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {
    private static final String CURVE = "secp256r1";

    public static EcSigningKey generate(RandomText random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random.random());
            KeyPair pair = generator.generateKeyPair();
            return new EcSigningKey(
                    randomUuid(random).toString(), (ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this Java runtime", e);
        }
    }

    /** Rebuilds the key from a private EC JWK (kty EC, crv P-256, x, y, d, kid). */
    public static EcSigningKey fromJwk(Map<?, ?> jwk) {
        if (!"EC".equals(jwk.get("kty")) || !"P-256".equals(jwk.get("crv")) || jwk.get("d") == null) {
            throw new IllegalArgumentException("not a private EC P-256 JWK");
        }
        try {
            ECParameterSpec params = curve();
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPoint point = new ECPoint(unsigned(jwk.get("x")), unsigned(jwk.get("y")));
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(point, params));
            ECPrivateKey privateKey =
                    (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(unsigned(jwk.get("d")), params));
            return new EcSigningKey(String.valueOf(jwk.get("kid")), privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid EC JWK: " + e.getMessage(), e);
        }
    }

    /** The JWK in the field order of Supabase's add-new-auth-keys.sh; with {@code d} only if private. */
    public Map<String, Object> jwk(boolean withPrivate) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("key_ops", withPrivate ? List.of("sign", "verify") : List.of("verify"));
        jwk.put("alg", "ES256");
        jwk.put("ext", true);
        jwk.put("crv", "P-256");
        jwk.put("x", base64Url(publicKey.getW().getAffineX()));
        jwk.put("y", base64Url(publicKey.getW().getAffineY()));
        if (withPrivate) {
            jwk.put("d", base64Url(privateKey.getS()));
        }
        return jwk;
    }

    @Override
    public String toString() {
        return "EcSigningKey[kid=" + kid + "]";
    }

    private static ECParameterSpec curve() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(CURVE));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** A version-4 UUID from the injected random, so tests are deterministic. */
    private static UUID randomUuid(RandomText random) {
        byte[] bytes = random.bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    /** 32-byte big-endian, as JWK coordinates are: BigInteger adds a sign byte or drops leading zeros. */
    private static String base64Url(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static BigInteger unsigned(Object base64Url) {
        if (!(base64Url instanceof String text)) {
            throw new IllegalArgumentException("missing EC coordinate");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(text));
    }
}
