package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one Dockerfile that builds every tool: pinned bases, jlink stage, non-root, labels, entrypoint. */
class DockerfileTest {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");

    private final String dockerfile = StackFiles.text(StackFiles.DOCKERFILE);

    @Test
    void everyBaseImageIsPinnedOrAnEarlierStage() {
        Matcher m = FROM.matcher(dockerfile);
        List<String> stages = new java.util.ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            String image = m.group(1);
            if (!stages.contains(image)) {
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertThat(tag).as(image).contains(":").doesNotEndWith(":latest");
                assertThat(tag.substring(tag.indexOf(':') + 1)).as(image).matches(".*\\d.*");
            }
            if (m.group(2) != null) {
                stages.add(m.group(2));
            }
        }
        assertThat(count).as("build, jlink and final stages").isGreaterThanOrEqualTo(3);
        assertThat(stages).contains("build", "jlink");
    }

    @Test
    void theRuntimeIsAJava25JlinkedFromWhatJdepsFindsPlusTlsAndDns() {
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM eclipse-temurin:25[^ ]*-jdk[^ ]* AS jlink$")
                .contains("jdeps --print-module-deps --ignore-missing-deps --multi-release 17")
                .contains("grep -v '^java.desktop$'")
                .contains("jdk.crypto.ec,jdk.naming.dns")
                .contains("--strip-debug --no-header-files --no-man-pages --compress=zip-9");
    }

    @Test
    void theImageTrainsItsAotCacheWithItsOwnRuntimeAndStartsThroughTheLauncher() {
        assertThat(dockerfile)
                .contains("-Dcds.skip=true")
                .contains("sh /tmp/cds/startup-cache.sh tool - /app none \"/tmp/cds/training/${TOOL}.txt\"")
                .contains("false /opt/jre/bin/java none")
                .containsPattern("(?m)^ENTRYPOINT \\[\"/app/bin/tool\"]$");
    }

    @Test
    void theImageRunsTheToolAsANonRootUser() {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1))
                .doesNotStartWith("root")
                .doesNotStartWith("0:")
                .isNotEqualTo("0");
        assertThat(dockerfile)
                .contains("ARG TOOL")
                .containsPattern("(?m)^CMD \\[\"--help\"]$")
                .contains("org.opencontainers.image.title=\"${TOOL}\"")
                .contains("org.opencontainers.image.version=\"${VERSION}\"");
    }

    @Test
    void theBuildContextLeavesSecretsAndBuildOutputOut() {
        String ignore = StackFiles.text(StackFiles.REPO.resolve(".dockerignore"));
        assertThat(ignore.lines()).contains("**/target", "compose/**", "!compose/pom.xml", "**/.env");
    }
}
