package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.io.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample config of this module's README works as written: it is compose/stack-init.yml, and it validates there. */
class ReadmeSampleTest {
    private static final Path README = Path.of("README.md");
    private static final Path COMPOSE = Path.of("..", "compose");

    @TempDir
    Path dir;

    private static String readmeSample() throws IOException {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("## Config\\R.*?```yaml\\R(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("a yaml block under ## Config in " + README).isTrue();
        return block.group(1);
    }

    @Test
    void theReadmeSampleIsTheComposeConfigFile() throws IOException {
        assertThat(readmeSample()).isEqualTo(Files.readString(COMPOSE.resolve("stack-init.yml")));
    }

    @Test
    void theSampleValidatesInTheComposeFolderAfterTheFirstRunsCopyOfEnvExample() throws IOException {
        Path compose = copy(COMPOSE, dir.resolve("compose"));
        Files.copy(compose.resolve(".env.example"), compose.resolve(".env"));
        Path config = compose.resolve("stack-init.yml");
        Files.writeString(config, readmeSample());

        ProvisionSettings settings =
                new ConfigValidator(compose, config.toString()).validate(new ConfigLoader().load(config, Map.of()));

        Path base = compose.toAbsolutePath().normalize();
        assertThat(settings.keys().orElseThrow().envPaths()).containsExactly(base.resolve(".env"));
        assertThat(settings.keys().orElseThrow().mapping()).contains(base.resolve("env-mapping.yml"));
        assertThat(settings.mongo().orElseThrow().seedDir()).contains(base.resolve("mongo/seed"));
        assertThat(settings.mongo().orElseThrow().replicaSet()).contains("rs0");
        assertThat(settings.supabase().orElseThrow().migrations()).contains(base.resolve("supabase/migrations"));
    }

    /** The compose folder without its build output and tests. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(path);
                if (relative.startsWith("target") || relative.startsWith("src")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
