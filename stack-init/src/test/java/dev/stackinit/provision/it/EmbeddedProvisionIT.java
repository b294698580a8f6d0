package dev.stackinit.provision.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.provision.cli.StackInitCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The newcomer's command: provision --embedded, end to end, with the bundled samples. */
class EmbeddedProvisionIT {
    @Test
    void provisionsTheSamplesOnEmbeddedServers() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                StackInitCommand.run(Map.of(), new PrintWriter(out), new PrintWriter(err), "provision", "--embedded");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("mongo-java-server (in-process stand-in, not MongoDB)")
                .containsPattern("keys\\s+done")
                .containsPattern("mongo\\s+done")
                .containsPattern("supabase\\s+done")
                .contains("applied 11 file(s)")
                .contains("provisioned");
        assertThat(err.toString()).contains("[supabase] done");
    }

    @Test
    void keepRunningNeedsEmbedded() {
        StringWriter err = new StringWriter();
        int code = StackInitCommand.run(
                Map.of(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "provision",
                "--keep-running",
                "--config",
                "x.yml");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-running goes with --embedded");
    }
}
