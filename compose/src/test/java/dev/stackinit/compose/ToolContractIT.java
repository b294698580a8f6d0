package dev.stackinit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compose init services and the Kubernetes Jobs against each tool's own `--help`: the subcommand exists, every
 * flag they pass is an option of it, and every tool-prefixed variable they set is one it reads. Keeps this folder in step
 * with the tools as their options move.
 */
class ToolContractIT {
    private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    static Stream<String> initServices() {
        return Stream.of("keys", "mongo-init", "supabase-migrate");
    }

    @ParameterizedTest
    @MethodSource("initServices")
    void theServiceUsesOnlyWhatTheToolOffers(String service) throws Exception {
        ComposeModel compose = new ComposeModel(StackFiles.composeRaw());
        JsonNode definition = compose.service(service);
        String tool = definition.path("build").path("args").path("TOOL").asText();
        List<String> command = new ArrayList<>();
        definition.path("command").forEach(c -> command.add(c.asText()));
        String help = help(tool, command.get(0));

        assertThat(help).as(tool + " " + command.get(0) + " --help").contains("Usage: " + tool + " " + command.get(0));
        Set<String> flags = new LinkedHashSet<>();
        command.stream().filter(a -> a.startsWith("--")).forEach(flags::add);
        assertThat(optionsIn(help)).as(tool + " " + command.get(0) + " options").containsAll(flags);

        String prefix = tool.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Set<String> read = variablesIn(help);
        compose.environment(service).keySet().stream()
                .filter(v -> v.startsWith(prefix))
                .forEach(v -> assertThat(read).as(service + " sets " + v).contains(v));
        for (Path file : StackFiles.yamlFilesUnder(StackFiles.K8S)) {
            for (JsonNode doc : StackFiles.yamlDocuments(file)) {
                JsonNode container = doc.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .path(0);
                if (container.path("image").asText().contains("/" + tool + ":")) {
                    container.path("env").findValuesAsText("name").stream()
                            .filter(v -> v.startsWith(prefix))
                            .forEach(v -> assertThat(read)
                                    .as(file.getFileName() + " sets " + v)
                                    .contains(v));
                }
            }
        }
    }

    @Test
    void theCiWorkflowCallsRealSubcommandsWithVariablesTheyRead() throws Exception {
        JsonNode workflow = StackFiles.yaml(StackFiles.WORKFLOW);
        Pattern call =
                Pattern.compile("([a-z-]+)/target/\\1\\.jar ([a-z-]+)((?: --[a-z][a-z-]*(?:[ =][^\\s-]\\S*)?)*)");
        int calls = 0;
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                // a step's env serves every call in it: each variable must be read by one of them
                Set<String> read = new LinkedHashSet<>();
                Set<String> prefixes = new LinkedHashSet<>();
                Matcher m = call.matcher(step.path("run").asText());
                while (m.find()) {
                    calls++;
                    String help = help(m.group(1), m.group(2));
                    assertThat(optionsIn(help)).as(m.group()).containsAll(optionsIn(m.group(3)));
                    read.addAll(variablesIn(help));
                    prefixes.add(m.group(1).toUpperCase(Locale.ROOT).replace('-', '_') + "_");
                }
                step.path("env").fieldNames().forEachRemaining(v -> {
                    if (prefixes.stream().anyMatch(v::startsWith)) {
                        assertThat(read)
                                .as(step.path("name").asText() + ": " + v)
                                .contains(v);
                    }
                });
            }
        }
        assertThat(calls).as("tool calls in the workflow").isGreaterThanOrEqualTo(6);
    }

    /** A variable of one of the tools, as the docs write it; {@code MONGO_SEEDER_*} (a family) is not one. */
    private static final Pattern TOOL_VARIABLE = Pattern.compile(
            "\\b(KEY_GENERATOR|MONGO_SEEDER|SUPABASE_MIGRATOR|WEBHOOK_CONFIG)_[A-Z][A-Z0-9_]*[A-Z0-9]\\b");

    /**
     * Every tool variable the docs around the stack name is one the tool reads (a documented MONGO_SEEDER_URI, which
     * no option read, sent a Kubernetes Job to localhost in silence).
     */
    @Test
    void theDocsNameOnlyVariablesTheToolsRead() throws Exception {
        Map<String, Set<String>> read = new java.util.HashMap<>();
        for (String tool : StackFiles.TOOLS) {
            Set<String> variables = new LinkedHashSet<>();
            for (String subcommand : subcommands(tool)) {
                variables.addAll(variablesIn(help(tool, subcommand)));
            }
            read.put(tool.toUpperCase(Locale.ROOT).replace('-', '_'), variables);
        }
        List<Path> docs = List.of(
                StackFiles.REPO.resolve("README.md"),
                StackFiles.MODULE.resolve("README.md"),
                StackFiles.MODULE.resolve("ci.md"),
                StackFiles.K8S.resolve("README.md"));
        for (Path doc : docs) {
            Matcher m = TOOL_VARIABLE.matcher(StackFiles.text(doc));
            while (m.find()) {
                assertThat(read.get(m.group(1)))
                        .as(StackFiles.REPO.relativize(doc) + " names " + m.group())
                        .contains(m.group());
            }
        }
    }

    /** The subcommands a tool's --help lists. */
    private static List<String> subcommands(String tool) throws IOException, InterruptedException {
        String help = help(tool, "--help");
        int commands = help.indexOf("Commands:");
        assertThat(commands).as(tool + " --help lists its commands").isNotNegative();
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]*)\\b").matcher(help.substring(commands));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String help(String tool, String subcommand) throws IOException, InterruptedException {
        Path jar = StackFiles.REPO.resolve(tool).resolve("target").resolve(tool + ".jar");
        assumeTrue(Files.isRegularFile(jar), jar + " is not built");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(subcommand.equals("--help") ? List.of("--help") : List.of(subcommand, "--help"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!output.contains("ClassNotFoundException"), tool + ".jar has no main class yet");
        assertThat(process.exitValue())
                .as(tool + " " + subcommand + " --help\n" + output)
                .isZero();
        return output;
    }

    private static Set<String> optionsIn(String help) {
        Set<String> options = new LinkedHashSet<>();
        Matcher m = OPTION.matcher(help);
        while (m.find()) {
            options.add(m.group());
        }
        return options;
    }

    /** The variables the help's Environment section lists. */
    private static Set<String> variablesIn(String help) {
        int section = help.indexOf("Environment");
        Set<String> names = new LinkedHashSet<>();
        if (section < 0) {
            return names;
        }
        Matcher m = VARIABLE.matcher(help.substring(section));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
