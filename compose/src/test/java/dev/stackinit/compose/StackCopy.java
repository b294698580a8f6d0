package dev.stackinit.compose;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** What the container tier needs to run the stack from a copy of compose/: the copy, an .env, free ports. */
final class StackCopy {
    private StackCopy() {}

    /** compose/ without the Maven parts and without the developer's own .env files. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                String first =
                        relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                String name = source.getFileName().toString();
                if (Set.of("target", "src", "pom.xml", "k8s").contains(first)
                        || name.equals(".env")
                        || name.endsWith(".env")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The dotenv text with the given variables' values replaced, comments and order kept. */
    static String withValues(String dotenv, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : dotenv.split("\n", -1)) {
            int eq = line.indexOf('=');
            String key = eq > 0 && !line.startsWith("#") ? line.substring(0, eq) : null;
            out.append(key != null && values.containsKey(key) ? key + "=" + values.get(key) : line)
                    .append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
