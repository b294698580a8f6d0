package dev.stackinit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.keygen.PublicDefaults.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of Supabase's public defaults says what the code does, row for row. */
class PublicDefaultsReadmeTest {
    private static final Pattern ROW =
            Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| (.+?) \\| (secret|credential|setting) \\|");

    @Test
    void everyPublicDefaultHasItsRowWithItsKind() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section =
                readme.substring(readme.indexOf("### Supabase's public defaults"), readme.indexOf("### Mapping"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            assertThat(rows.put(m.group(1), m.group(3)))
                    .as("row " + m.group(1) + " twice")
                    .isNull();
        }
        Map<String, String> code = new LinkedHashMap<>();
        for (PublicDefaults value : PublicDefaults.values()) {
            code.put(value.name(), value.kind().name().toLowerCase(Locale.ROOT));
        }
        assertThat(rows).containsExactlyEntriesOf(code);
    }

    @Test
    void everySecretIsOneKeyGeneratorGeneratesAndItsPublicValueCountsAsAPlaceholder() {
        for (PublicDefaults secret : PublicDefaults.of(Kind.SECRET)) {
            if (Vars.LEGACY_KEYS.contains(secret.name())) {
                continue; // their public values are the demo keys, found by signature and issuer
            }
            SecretSpec spec = SecretSpec.forVariable(secret.name()).orElseThrow();
            assertThat(spec.isPlaceholder(secret.example())).as(secret.name()).isTrue();
        }
        for (PublicDefaults other : PublicDefaults.values()) {
            if (other.kind() != Kind.SECRET) {
                assertThat(SecretSpec.forVariable(other.name()))
                        .as(other.name())
                        .isEmpty();
                assertThat(other.note()).as(other.name()).isNotBlank();
            }
        }
    }

    @Test
    void onlyTheExactPublicValueOfACredentialIsReported() {
        assertThat(PublicDefaults.SMTP_PASS.credentialNotice("fake_mail_password"))
                .isPresent();
        assertThat(PublicDefaults.SMTP_PASS.credentialNotice("a-real-one")).isEmpty();
        assertThat(PublicDefaults.SMTP_PASS.credentialNotice(null)).isEmpty();
        assertThat(PublicDefaults.POOLER_TENANT_ID.credentialNotice("your-tenant-id"))
                .isEmpty();
    }
}
