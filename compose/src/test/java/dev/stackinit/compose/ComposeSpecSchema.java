package dev.stackinit.compose;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The current compose-spec JSON schema, fetched when the checks run and never committed: npm package dclint@3.1.0
 * (MIT) ships it as schemas/compose.schema.json. Kept under target/ so later builds work offline.
 */
final class ComposeSpecSchema {
    static final String PACKAGE = "dclint@3.1.0";
    private static final String ENTRY = "package/schemas/compose.schema.json";

    private ComposeSpecSchema() {}

    /** The schema file, or empty with the reason in {@code why} when npm or the network is absent. */
    static Optional<Path> fetch(Path workDir, StringBuilder why) throws IOException, InterruptedException {
        Path schema = workDir.resolve("compose.schema.json");
        if (Files.isRegularFile(schema)) {
            return Optional.of(schema);
        }
        Optional<Path> npm = onPath("npm");
        if (npm.isEmpty()) {
            why.append("npm is not on PATH: cannot fetch the compose-spec schema (" + PACKAGE + ")");
            return Optional.empty();
        }
        Files.createDirectories(workDir);
        Process pack = new ProcessBuilder(npm.get().toString(), "pack", PACKAGE, "--silent", "--pack-destination", ".")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(pack.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!pack.waitFor(180, TimeUnit.SECONDS) || pack.exitValue() != 0) {
            pack.destroyForcibly();
            why.append("npm pack " + PACKAGE + " failed (no network?): " + lastLine(output));
            return Optional.empty();
        }
        Path tarball = workDir.resolve(lastLine(output));
        Files.write(schema, extract(tarball, ENTRY));
        return Optional.of(schema);
    }

    /** One entry of a .tgz (ustar), read with the JDK only. */
    static byte[] extract(Path tgz, String entry) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (path.equals(entry)) {
                    return data;
                }
            }
        }
        throw new IOException(entry + " not found in " + tgz);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
