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
import java.util.function.Function;

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
        MessageDigest digest = sha256();
        for (MigrationFile file : files) {
            checksums.put(
                    file.key(),
                    file.kind() == MigrationFile.Kind.SQL
                            ? sqlChecksum(readBytes(file), bytes -> text(bytes, file), digest)
                            : sha256(webhooks.canonical(file.path())));
        }
        return checksums;
    }

    /**
     * The checksum of {@link #read}'s text, taken from the bytes when they are that text already (ASCII without a
     * carriage return, like most SQL files, and ASCII is always valid UTF-8), without decoding and encoding them again.
     * The one place the checksum of a SQL file is computed: {@link #checksums} and {@link #prepare} must agree, or a
     * file would look changed while migrate runs.
     */
    private static String sqlChecksum(byte[] bytes, Function<byte[], String> text, MessageDigest digest) {
        byte[] normalized = plainAscii(bytes) ? bytes : text.apply(bytes).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(digest.digest(normalized));
    }

    private static boolean plainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0 || b == '\r') {
                return false;
            }
        }
        return true;
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
        byte[] bytes = readBytes(file);
        String raw = text(bytes, file);
        String text = placeholders.apply(raw, file.script());
        SqlScript sql = SqlScript.parse(text, file.script());
        String checksum = sqlChecksum(bytes, decoded -> raw, sha256());
        return new PreparedMigration(file, checksum, Optional.of(sql), text, sql.asAdmin());
    }

    /**
     * The file's text, strictly decoded: invalid UTF-8 is exit 3 naming file, line and byte offset. Every file is read
     * this way for its checksum before the lock is taken, so a bad byte in any file stops the run before anything is
     * applied (a silent U+FFFD would put mangled text into the schema).
     */
    static String read(MigrationFile file) {
        return text(readBytes(file), file);
    }

    private static String text(byte[] bytes, MigrationFile file) {
        return normalize(StrictUtf8.decode(bytes, file.script()));
    }

    private static byte[] readBytes(MigrationFile file) {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file.script() + ": " + IoErrors.describe(e), e);
        }
    }

    /** Without a byte order mark, line endings as \n. */
    private static String normalize(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n");
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
