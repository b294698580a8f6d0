package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionProviderTest {
    @Test
    void onlyABareVersionFlagTakesTheFastPath() {
        assertThat(VersionProvider.isBareVersionRequest("--version")).isTrue();
        assertThat(VersionProvider.isBareVersionRequest("-V")).isTrue();
        assertThat(VersionProvider.isBareVersionRequest()).isFalse();
        assertThat(VersionProvider.isBareVersionRequest("--version", "--help")).isFalse();
        assertThat(VersionProvider.isBareVersionRequest("verify", "--version")).isFalse();
        assertThat(VersionProvider.isBareVersionRequest("--verbose")).isFalse();
    }

    @Test
    void theLineNamesToolVersionAndRuntime() {
        assertThat(VersionProvider.line("some-tool"))
                .startsWith("some-tool " + VersionProvider.projectVersion() + " (Java ")
                .endsWith(System.getProperty("java.runtime.version") + ")");
        assertThat(VersionProvider.projectVersion()).isNotEqualTo("dev").doesNotContain("${");
    }
}
