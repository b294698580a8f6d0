package dev.stackinit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.cli.options.DatabaseOptions;
import dev.stackinit.cli.options.JsonOption;
import dev.stackinit.cli.options.SchemaOption;
import dev.stackinit.cli.options.TargetMongoOptions;
import dev.stackinit.cli.options.UrlRewriteOption;
import dev.stackinit.cli.options.WaitTimeoutOption;
import dev.stackinit.errors.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared options and what ToolCli does around them: JSON failures, unread variables, credentials in argv. */
class ToolCliVocabularyTest {
    @Command(name = "demo-tool", mixinStandardHelpOptions = true, subcommands = Work.class)
    static final class Root implements EnvironmentReader {
        @Override
        public java.util.Set<String> variablesRead() {
            return java.util.Set.of("DEMO_TOOL_OWN_SETTING");
        }
    }

    @Command(name = "work", mixinStandardHelpOptions = true)
    static final class Work implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Mixin
        TargetMongoOptions target;

        @Mixin
        WaitTimeoutOption wait;

        @Mixin
        UrlRewriteOption rewrite;

        @Mixin
        SchemaOption schema;

        @Mixin
        JsonOption json;

        static Work last;

        @Override
        public Integer call() {
            last = this;
            if (database.url().orElse("").equals("bad")) {
                throw new InvalidInputException("the \"database\" is bad\tand postgres://u:hunter22@h/db too");
            }
            return 0;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return ToolCli.run(new Root(), env, new PrintWriter(out), new PrintWriter(err), Map.of(), args);
    }

    @Test
    void aFailureWithJsonIsAJsonObjectOnStdoutWithTheSameExitCode() {
        assertThat(run(Map.of(), "work", "--database-url", "bad", "--json")).isEqualTo(3);
        assertThat(out.toString().strip())
                .isEqualTo(
                        "{\"tool\": \"demo-tool\", \"command\": \"work\", \"error\": \"the \\\"database\\\" is bad\\tand"
                                + " postgres://u:****@h/db too\", \"exit\": 3, \"kind\": \"invalid-input\"}");
        assertThat(err.toString()).contains("demo-tool: the \"database\" is bad");
    }

    @Test
    void aUsageErrorWithJsonIsJsonToo() {
        assertThat(run(Map.of(), "work", "--json", "--wait-timeout", "-1")).isEqualTo(2);
        assertThat(out.toString()).startsWith("{\"tool\": \"demo-tool\", \"command\": \"work\", \"error\": ");
        assertThat(out.toString()).contains("\"exit\": 2").contains("must not be negative");
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void jsonFromTheEnvironmentCountsForUsageErrors() {
        assertThat(run(Map.of("DEMO_TOOL_JSON", "true"), "work", "--nope")).isEqualTo(2);
        assertThat(out.toString()).contains("\"exit\": 2");
    }

    @Test
    void withoutJsonAFailurePrintsNothingOnStdout() {
        assertThat(run(Map.of(), "work", "--database-url", "bad")).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void waitTimeoutIsADurationWithZeroMeaningOneAttempt() {
        assertThat(run(Map.of(), "work", "--wait-timeout", "2s")).isZero();
        assertThat(Work.last.wait.get()).hasSeconds(2);
        assertThat(run(Map.of(), "work", "--wait-timeout", "0s")).isZero();
        assertThat(Work.last.wait.get()).isZero();
        assertThat(run(Map.of("DEMO_TOOL_WAIT_TIMEOUT", "PT1M"), "work")).isZero();
        assertThat(Work.last.wait.get()).hasMinutes(1);
    }

    @Test
    void aMistypedToolVariableIsNamedWithTheLikelyMeaning() {
        assertThat(run(Map.of("DEMO_TOOL_DATABSE_URL", "postgres://x", "DEMO_TOOL_OWN_SETTING", "1"), "work"))
                .isZero();
        assertThat(err.toString().strip())
                .isEqualTo("demo-tool: warning: DEMO_TOOL_DATABSE_URL is set but no option of demo-tool reads it"
                        + " (did you mean DEMO_TOOL_DATABASE_URL?)");
    }

    @Test
    void aTypoOfAVariableTheToolReadsItselfIsNamedToo() {
        assertThat(run(Map.of("DEMO_TOOL_OWN_SETTNG", "1"), "work")).isZero();
        assertThat(err.toString()).contains("(did you mean DEMO_TOOL_OWN_SETTING?)");
    }

    @Test
    void variablesOfOtherToolsAndKnownOnesAreNotWarnedAbout() {
        assertThat(run(
                        Map.of("OTHER_TOOL_X", "1", "DEMO_TOOL_TARGET_URI", "mongodb://h", "DEMO_TOOL_SCHEMA", "a,b"),
                        "work"))
                .isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(Work.last.schema.orElse(List.of("public"))).containsExactly("a", "b");
    }

    @Test
    void aPasswordInAUrlOnTheCommandLineIsAcceptedWithOneWarningNamingTheSaferWay() {
        assertThat(run(Map.of(), "work", "--database-url", "postgres://app:s3cret-pw@db/app"))
                .isZero();
        assertThat(Work.last.database.url()).contains("postgres://app:s3cret-pw@db/app");
        assertThat(err.toString().strip())
                .startsWith("demo-tool: warning: --database-url carries a credential on the command line")
                .contains("DEMO_TOOL_DATABASE_URL")
                .contains("--password-file")
                .doesNotContain("s3cret-pw")
                .doesNotContain("\n");
    }

    @Test
    void theSameUrlFromTheEnvironmentGivesNoWarning() {
        assertThat(run(Map.of("DEMO_TOOL_DATABASE_URL", "postgres://app:s3cret-pw@db/app"), "work"))
                .isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(Work.last.database.url()).contains("postgres://app:s3cret-pw@db/app");
    }

    @Test
    void oldSpellingsAreHiddenAliases() {
        assertThat(run(Map.of(), "work", "--rewrite-url", "a=>b", "--url-rewrite", "c=>d", "--schemas", "x"))
                .isZero();
        assertThat(Work.last.rewrite.rules()).containsExactlyInAnyOrder("a=>b", "c=>d");
        assertThat(Work.last.schema.orElse(List.of())).containsExactly("x");
        assertThat(run(Map.of(), "work", "--source-url", "postgres://h/db")).isZero();
        assertThat(Work.last.database.url()).contains("postgres://h/db");
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "work", "--help")).isZero();
        assertThat(out.toString())
                .contains("--url-rewrite")
                .doesNotContain("--rewrite-url")
                .doesNotContain("--schemas");
    }

    @Test
    void anOldSpellingsVariableStillWorksButTheNewOneWins() {
        assertThat(run(Map.of("DEMO_TOOL_SOURCE_URL", "postgres://old/db"), "work"))
                .isZero();
        assertThat(Work.last.database.url()).contains("postgres://old/db");
        assertThat(err.toString()).isEmpty();
        assertThat(run(
                        Map.of(
                                "DEMO_TOOL_SOURCE_URL",
                                "postgres://old/db",
                                "DEMO_TOOL_DATABASE_URL",
                                "postgres://new/db"),
                        "work"))
                .isZero();
        assertThat(Work.last.database.url()).contains("postgres://new/db");
    }

    @Test
    void aPasswordFileGoesIntoTheMongoUriUrlEncoded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "p@ss:w/rd %+\n");
        assertThat(run(
                        Map.of(),
                        "work",
                        "--target-uri",
                        "mongodb://root@mongo:27017/?replicaSet=rs0",
                        "--target-password-file",
                        file.toString()))
                .isZero();
        assertThat(Work.last.target.uri())
                .isEqualTo("mongodb://root:p%40ss%3Aw%2Frd%20%25%2B@mongo:27017/?replicaSet=rs0");
    }

    @Test
    void aPasswordFileWithoutAUserIsExit3() {
        assertThat(run(
                        Map.of(),
                        "work",
                        "--target-uri",
                        "mongodb://mongo:27017",
                        "--target-password-file",
                        "/nonexistent/pw"))
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Work.last.target.uri())
                .isInstanceOf(InvalidInputException.class);
    }
}
