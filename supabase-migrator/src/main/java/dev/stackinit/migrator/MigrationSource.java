package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.IoErrors;
import dev.stackinit.shared.StrictUtf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads migration files: checksums for comparing with the history, and prepared (substituted, split) migrations for
 * running. A SQL file's checksum is over the file as written (line endings normalised), so a different placeholder value
 * in another environment is not drift; a YAML webhook file's checksum is over its canonical form after substitution, so a
 * changed URL makes it {@link FileState#OUTDATED} and migrate applies it again.
 */
public final class MigrationSource {
    private final Placeholders placeholders;
    private final WebhookDeclarations webhooks;

    public MigrationSource(Placeholders placeholders, WebhookDeclarations webhooks) {
        this.placeholders = placeholders;
        this.webhooks = webhooks;
    }

    public Map<MigrationKey, String> checksums(List<MigrationFile> files) {
        Map<MigrationKey, String> checksums = new LinkedHashMap<>();
        for (MigrationFile file : files) {
            String raw = file.kind() == MigrationFile.Kind.SQL ? read(file) : "";
            checksums.put(file.key(), checksum(file, raw));
        }
        return checksums;
    }

    public PreparedMigration prepare(MigrationFile file) {
        if (file.kind() == MigrationFile.Kind.WEBHOOK_YAML) {
            String canonical = webhooks.canonical(file.path());
            return new PreparedMigration(file, sha256(canonical), Optional.empty(), canonical, false);
        }
        String raw = read(file);
        String text = placeholders.apply(raw, file.script());
        SqlScript sql = SqlScript.parse(text, file.script());
        return new PreparedMigration(file, sha256(raw), Optional.of(sql), text, sql.asAdmin());
    }

    private String checksum(MigrationFile file, String raw) {
        if (file.kind() == MigrationFile.Kind.SQL) {
            return sha256(raw);
        }
        return sha256(webhooks.canonical(file.path()));
    }

    /**
     * The file's text, strictly decoded: invalid UTF-8 is exit 3 naming file, line and byte offset. Every file is read
     * this way for its checksum before the lock is taken, so a bad byte in any file stops the run before anything is
     * applied (a silent U+FFFD would put mangled text into the schema).
     */
    static String read(MigrationFile file) {
        try {
            String text = StrictUtf8.decode(Files.readAllBytes(file.path()), file.script());
            return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file.script() + ": " + IoErrors.describe(e), e);
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
