package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.RejectedException;
import dev.stackinit.errors.UnreachableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class ToolCliTest {

    @Command(
            name = "demo-tool",
            versionProvider = VersionProvider.class,
            mixinStandardHelpOptions = true,
            subcommands = Act.class)
    static final class Root {}

    @Command(name = "act", mixinStandardHelpOptions = true)
    static final class Act implements Callable<Integer> {
        @Option(names = "--mode", defaultValue = "ok")
        String mode;

        @Option(names = "--database-url")
        String url;

        @Mixin
        VerboseOption verbose;

        @Override
        public Integer call() {
            return switch (mode) {
                case "ok" -> 0;
                case "input" ->
                    throw new InvalidInputException("bad value in " + url, new IllegalStateException("root cause"));
                case "down" -> throw new UnreachableException("cannot reach " + url);
                case "rejected" -> throw new RejectedException("refused");
                default -> throw new IllegalStateException("boom");
            };
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return ToolCli.run(
                new Root(),
                env,
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of("--database-url", List.of("DATABASE_URL")),
                args);
    }

    @Test
    void typedExceptionsBecomeOneLineAndTheirExitCode() {
        assertThat(run(Map.of(), "act", "--mode", "input", "--database-url", "x"))
                .isEqualTo(3);
        assertThat(err.toString()).isEqualTo("demo-tool: bad value in x" + System.lineSeparator());
        assertThat(run(Map.of(), "act", "--mode", "down")).isEqualTo(4);
        assertThat(run(Map.of(), "act", "--mode", "rejected")).isEqualTo(5);
    }

    @Test
    void verboseAddsTheCauseChain() {
        assertThat(run(Map.of(), "act", "--mode", "input", "--verbose")).isEqualTo(3);
        assertThat(err.toString()).contains("caused by: java.lang.IllegalStateException: root cause");
    }

    @Test
    void verboseFromTheEnvironmentWorksToo() {
        assertThat(run(Map.of("DEMO_TOOL_VERBOSE", "true"), "act", "--mode", "input"))
                .isEqualTo(3);
        assertThat(err.toString()).contains("caused by:");
    }

    @Test
    void bugsPrintAStackTraceAndExitOne() {
        assertThat(run(Map.of(), "act", "--mode", "other")).isEqualTo(1);
        assertThat(err.toString())
                .contains("unexpected error: java.lang.IllegalStateException: boom")
                .contains("\tat ");
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        assertThat(run(Map.of(), "act", "--nope")).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("demo-tool: Unknown option: '--nope'")
                .doesNotContain("\n");
    }

    @Test
    void optionsComeFromTheToolVariableOrTheStandardAlias() {
        assertThat(run(Map.of("DEMO_TOOL_MODE", "down", "DATABASE_URL", "postgres://u:pw@db/x"), "act"))
                .isEqualTo(4);
        assertThat(err.toString())
                .contains("cannot reach postgres://u:****@db/x")
                .doesNotContain("pw@");
    }

    @Test
    void secretValuesFromTheEnvironmentNeverReachStderr() {
        run(
                Map.of("JWT_SECRET", "very-secret-jwt-secret-value"),
                "act",
                "--mode",
                "input",
                "--database-url",
                "very-secret-jwt-secret-value");
        assertThat(err.toString())
                .doesNotContain("very-secret-jwt-secret-value")
                .contains("****");
    }

    @Test
    void helpDocumentsExitCodesAndVariables() {
        assertThat(run(Map.of(), "act", "--help")).isZero();
        assertThat(out.toString())
                .contains("Exit codes:")
                .contains("4   a dependency")
                .contains("--database-url  <-  DEMO_TOOL_DATABASE_URL, DATABASE_URL");
    }

    @Test
    void versionNamesTheTool() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString()).startsWith("demo-tool ");
    }

    /** The same tool with its subcommands given to ToolCli, which builds only the one a run names. */
    @Command(name = "demo-tool", versionProvider = VersionProvider.class, mixinStandardHelpOptions = true)
    static final class LazyRoot {}

    @Command(name = "other", aliases = "o", description = "Another subcommand.", mixinStandardHelpOptions = true)
    static final class Other implements Callable<Integer> {
        /** How often picocli built this subcommand (it makes the option's converter then): a run that does not name it should not. */
        static final AtomicInteger BUILT = new AtomicInteger();

        static final class Counted implements picocli.CommandLine.ITypeConverter<String> {
            Counted() {
                BUILT.incrementAndGet();
            }

            @Override
            public String convert(String value) {
                return value;
            }
        }

        @Option(names = "--other-option", converter = Counted.class)
        String otherOption;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private int runLazy(Map<String, String> env, String... args) {
        return ToolCli.run(
                new LazyRoot(),
                List.of(Act.class, Other.class),
                env,
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of("--database-url", List.of("DATABASE_URL")),
                args);
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertThat(Subcommands.named(List.of(Act.class, Other.class), "o")).isEqualTo(Other.class);
        assertThat(Subcommands.named(List.of(Act.class, Other.class), "--help")).isNull();
        picocli.CommandLine root = new picocli.CommandLine(new LazyRoot());
        Subcommands tree = Subcommands.addTo(root, List.of(Act.class, Other.class), "act", "--mode", "ok");
        assertThat(root.getSubcommands()).containsOnlyKeys("act");
        // the whole tool on demand: the left-out subcommand built standalone
        assertThat(tree.all()).hasSize(2);
        assertThat(tree.all().get(1).getCommandName()).isEqualTo("other");
        assertThat(runLazy(Map.of(), "act", "--mode", "down")).isEqualTo(4);
        assertThat(runLazy(Map.of(), "o")).isZero();
    }

    @Test
    void withoutASubcommandNameTheWholeTreeAnswers() {
        assertThat(runLazy(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("act").contains("other").contains("Another subcommand.");
        assertThat(runLazy(Map.of(), "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("demo-tool: Unmatched argument at index 0: 'nope'");
    }

    @Test
    void aVariableOfAnotherSubcommandIsNoTypo() {
        assertThat(runLazy(Map.of("DEMO_TOOL_OTHER_OPTION", "x", "DEMO_TOOL_MODEE", "down"), "act"))
                .isZero();
        assertThat(err.toString())
                .doesNotContain("DEMO_TOOL_OTHER_OPTION")
                .contains("DEMO_TOOL_MODEE is set but no option of demo-tool reads it (did you mean DEMO_TOOL_MODE?)");
    }

    @Test
    void aVariableTheRunSubcommandReadsBuildsNoOtherSubcommand() {
        int before = Other.BUILT.get();
        assertThat(runLazy(Map.of("DEMO_TOOL_MODE", "ok", "DATABASE_URL", "postgres://db/x"), "act"))
                .isZero();
        assertThat(Other.BUILT.get()).isEqualTo(before);
        assertThat(err.toString()).doesNotContain("warning");
        // a variable only another subcommand reads still needs the whole tool, and is still no typo
        assertThat(runLazy(Map.of("DEMO_TOOL_OTHER_OPTION", "x"), "act")).isZero();
        assertThat(Other.BUILT.get()).isGreaterThan(before);
        assertThat(err.toString()).doesNotContain("warning");
    }
}
