package dev.stackinit.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PasswordVerifierTest {

    /** A SCRAM-SHA-256 verifier built the way PostgreSQL does, with the JDK's own PBKDF2 and HMAC. */
    private static String verifier(String password, byte[] salt, int iterations) throws Exception {
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] storedKey =
                MessageDigest.getInstance("SHA-256").digest(mac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8)));
        byte[] serverKey = mac.doFinal("Server Key".getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    @Test
    void scramVerifiersMatchTheirPasswordOnly() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String stored = verifier("0123456789abcdef0123456789abcdef", salt, 4096);

        assertThat(PasswordVerifier.matches(stored, "authenticator", "0123456789abcdef0123456789abcdef"))
                .isTrue();
        assertThat(PasswordVerifier.matches(stored, "authenticator", "0123456789abcdef0123456789abcdeX"))
                .isFalse();
    }

    @Test
    void longPasswordsAreHashedIntoTheKeyLikeHmacDoes() throws Exception {
        String longPassword = "x".repeat(100);
        byte[] salt = new byte[] {1, 2, 3};
        assertThat(PasswordVerifier.matches(verifier(longPassword, salt, 10), "r", longPassword))
                .isTrue();
    }

    @Test
    void md5VerifiersAreOverPasswordAndRoleName() throws Exception {
        String md5 = "md5"
                + java.util.HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5")
                                .digest("secretalice".getBytes(StandardCharsets.UTF_8)));
        assertThat(PasswordVerifier.matches(md5, "alice", "secret")).isTrue();
        assertThat(PasswordVerifier.matches(md5, "bob", "secret")).isFalse();
    }

    @Test
    void missingOrUnknownVerifiersNeverMatch() {
        assertThat(PasswordVerifier.matches(null, "r", "pw")).isFalse();
        assertThat(PasswordVerifier.matches("SCRAM-SHA-256$4096:c2FsdA==$AAAA:BBBB", "r", "pw"))
                .isFalse();
        assertThat(PasswordVerifier.matches("plain", "r", "plain")).isFalse();
    }
}
