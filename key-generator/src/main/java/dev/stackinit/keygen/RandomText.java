package dev.stackinit.keygen;

import java.security.SecureRandom;
import java.util.Base64;

/** Random strings from an injected {@link SecureRandom}, drawn uniformly from an alphabet. */
public final class RandomText {
    public static final String DIGITS = "0123456789";
    public static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final String ALPHANUMERIC = LETTERS + DIGITS;
    public static final String HEX = "0123456789abcdef";

    private final SecureRandom random;

    public RandomText(SecureRandom random) {
        this.random = random;
    }

    public SecureRandom random() {
        return random;
    }

    public String from(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Base64url without padding of {@code count} random bytes: only {@code A-Z a-z 0-9 - _}. */
    public String base64Url(int count) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(count));
    }
}
