package dev.stackinit.provision.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The compose samples (migrations, webhook YAML, __models__ export, env mapping) bundled in the JAR at build time. */
final class Samples {
    /** A file every build bundles; its folder is the samples' root (a JAR need not list folders). */
    private static final String MARKER = "/dev/stackinit/provision/samples/env-mapping.yml";

    private Samples() {}

    /**
     * Copies the bundled samples into {@code target}, from a JAR or from the classes folder alike; a file that is
     * already there is kept as it is (a kept --workdir: the user's edits and generated files stay).
     */
    static void extractTo(Path target) {
        try {
            URI uri = Samples.class.getResource(MARKER).toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.provider().getPath(uri).getParent(), target);
                }
            } else {
                copyTree(Path.of(uri).getParent(), target);
            }
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the samples are missing from the build", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the samples to " + target, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else if (!Files.exists(destination)) {
                    Files.copy(path, destination);
                }
            }
        }
    }
}
