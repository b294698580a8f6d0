package dev.stackinit.migrator;

import dev.stackinit.errors.InvalidInputException;
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

    /**
     * What must hold before anything runs, without keeping the file: a SQL file can be read and every placeholder in it
     * has a value; a YAML webhook file has valid declarations. (Splitting SQL into statements waits for {@link
     * #prepare}, right before the file runs.)
     */
    public void check(MigrationFile file) {
        if (file.kind() == MigrationFile.Kind.WEBHOOK_YAML) {
            webhooks.canonical(file.path());
        } else {
            placeholders.apply(read(file), file.script());
        }
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

    static String read(MigrationFile file) {
        try {
            String text = new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file.script() + ": " + e.getMessage(), e);
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
