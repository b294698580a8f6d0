package dev.stackinit.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text meant for people: the password part of any URI ({@code scheme://user:pw@host}) and known secret
 * values, such as the values of environment variables whose names say they hold a secret.
 */
public final class SecretMasker {
    public static final String MASK = "****";

    private static final Pattern URI_PASSWORD =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\\s]*):([^@/\\s]+)@");
    private static final Pattern URL_PASSWORD_PARAM =
            Pattern.compile("([?&](?:password|sslpassword)=)[^&\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(SECRET|PASSWORD|PASSWD|TOKEN|JWKS|CREDENTIAL|KEYFILE|KEY_FILE).*");
    /**
     * KEY as a later word (ANON_KEY, VAULT_ENC_KEY), KEYS as the last one (JWT_KEYS); not KEY_GENERATOR_* (the tool's
     * name) nor STACK_INIT_KEYS_MODE (stack-init's keys section), whose values must stay readable in messages.
     */
    private static final Pattern KEY_WORD = Pattern.compile(".*_(KEY(_.*)?|KEYS)$");
    /** Shorter values are too likely to occur in ordinary text to be replaced safely. */
    private static final int MIN_SECRET_LENGTH = 6;

    private static final SecretMasker URIS_ONLY = new SecretMasker(List.of());

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A masker that hides URI passwords only. */
    public static SecretMasker urisOnly() {
        return URIS_ONLY;
    }

    /** A masker that also hides these values wherever they appear. */
    public static SecretMasker of(Collection<String> secretValues) {
        List<String> kept = secretValues.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .distinct()
                // longest first, so a secret that contains another is masked whole
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new SecretMasker(kept);
    }

    /** A masker for the values of variables named like secrets (…_SECRET, …PASSWORD, …_KEY, …TOKEN). */
    public static SecretMasker fromEnv(Map<String, String> env) {
        return of(env.entrySet().stream()
                .filter(e -> isSecretName(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
    }

    public static boolean isSecretName(String variableName) {
        String name = variableName.toUpperCase(Locale.ROOT);
        return SECRET_NAME.matcher(name).matches() || KEY_WORD.matcher(name).matches();
    }

    /** The same masker plus more secret values. */
    public SecretMasker with(Collection<String> moreSecrets) {
        List<String> all = new java.util.ArrayList<>(secrets);
        all.addAll(moreSecrets);
        return of(all);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        masked = URI_PASSWORD.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        return URL_PASSWORD_PARAM.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
