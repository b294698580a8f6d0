package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.OptionSpec;

class EnvDefaultProviderTest {

    @ParameterizedTest
    @CsvSource({"--wait-timeout,WAIT_TIMEOUT", "key-generator,KEY_GENERATOR", "--env-file,ENV_FILE", "-v,V"})
    void namesFollowOneRule(String name, String expected) {
        assertThat(EnvDefaultProvider.toEnvName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'KEY_GENERATOR_JWT_SECRET=tool,JWT_SECRET=std', tool",
        "'JWT_SECRET=std', std",
        "'OTHER=x', ",
        "'KEY_GENERATOR_JWT_SECRET=,JWT_SECRET=std', std"
    })
    void toolVariableWinsOverAlias(String envSpec, String expected) throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        for (String pair : envSpec.split(",")) {
            String[] kv = pair.split("=", -1);
            env.put(kv[0], kv[1]);
        }
        EnvDefaultProvider provider =
                new EnvDefaultProvider("key-generator", env, Map.of("--jwt-secret", List.of("JWT_SECRET")));
        OptionSpec option =
                OptionSpec.builder("--jwt-secret").type(String.class).build();
        assertThat(provider.defaultValue(option)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void listsVariablesInOrder() {
        EnvDefaultProvider provider =
                new EnvDefaultProvider("supabase-migrator", Map.of(), Map.of("--url", List.of("DATABASE_URL")));
        assertThat(provider.variablesFor("--url")).containsExactly("SUPABASE_MIGRATOR_URL", "DATABASE_URL");
    }
}
