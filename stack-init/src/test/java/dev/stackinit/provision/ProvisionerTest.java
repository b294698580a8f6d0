package dev.stackinit.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.errors.UnreachableException;
import dev.stackinit.provision.io.ReportRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisionerTest {
    /** A step that records whether it ran and ends as told. */
    private static class FakeStep implements Step {
        final String name;
        final RuntimeException failure;
        final StepStatus status;
        int runs;
        int plans;

        FakeStep(String name, StepStatus status, RuntimeException failure) {
            this.name = name;
            this.status = status;
            this.failure = failure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public StepOutcome run() {
            runs++;
            if (failure != null) {
                throw failure;
            }
            return StepOutcome.of(name, status, List.of(name + " ran"));
        }

        @Override
        public StepOutcome plan() {
            plans++;
            return StepOutcome.of(name, StepStatus.PLANNED, List.of("would run " + name));
        }
    }

    private final Provisioner provisioner = new Provisioner(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void stopsAtTheFirstFailureWithItsExitCodeAndSkipsTheRest() {
        FakeStep keys = new FakeStep("keys", StepStatus.DONE, null);
        FakeStep mongo = new FakeStep("mongo", null, new UnreachableException("mongod at localhost:1 did not answer"));
        FakeStep supabase = new FakeStep("supabase", StepStatus.DONE, null);
        List<String> told = new ArrayList<>();
        Provisioner.Report report =
                provisioner.run(List.of(keys, mongo, supabase), false, o -> told.add(o.step() + ":" + o.status()));
        assertThat(report.exitCode()).isEqualTo(4);
        assertThat(told).containsExactly("keys:DONE", "mongo:FAILED", "supabase:SKIPPED");
        assertThat(supabase.runs).isZero();
        assertThat(report.steps().get(1).details()).containsExactly("mongod at localhost:1 did not answer");
        assertThat(report.upToDate()).isFalse();
    }

    @Test
    void dryRunOnlyPlans() {
        FakeStep keys = new FakeStep("keys", StepStatus.DONE, null);
        Provisioner.Report report = provisioner.run(List.of(keys), true, o -> {});
        assertThat(keys.runs).isZero();
        assertThat(keys.plans).isOne();
        assertThat(report.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.PLANNED);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void aRunWhereEveryStepFoundNothingToDoIsUpToDate() {
        Provisioner.Report report = provisioner.run(
                List.of(new FakeStep("a", StepStatus.UP_TO_DATE, null), new FakeStep("b", StepStatus.UP_TO_DATE, null)),
                false,
                o -> {});
        assertThat(report.upToDate()).isTrue();
    }

    @Test
    void theFailureNamesItsStepAndKeepsItsExitCode() {
        FakeStep mongo = new FakeStep("mongo", null, new UnreachableException("mongod at localhost:1 did not answer"));
        Provisioner.Report report = provisioner.run(List.of(mongo), false, o -> {});

        assertThat(report.failure()).get().satisfies(failure -> {
            assertThat(failure.step()).isEqualTo("mongo");
            assertThat(failure.getMessage()).isEqualTo("mongo: mongod at localhost:1 did not answer");
            assertThat(failure.exitCode().code()).isEqualTo(4);
        });
    }

    @Test
    void aPlanNeverSaysProvisioned() {
        Provisioner.Report planned =
                provisioner.run(List.of(new FakeStep("keys", StepStatus.DONE, null)), true, o -> {});
        assertThat(ReportRenderer.table(planned))
                .contains("plan: 1 step(s) would change something; nothing was changed")
                .doesNotContain("provisioned");

        FakeStep failing = new FakeStep("supabase", null, new UnreachableException("no answer")) {
            @Override
            public StepOutcome plan() {
                throw new UnreachableException("cannot connect to postgres://postgres@127.0.0.1:1/postgres");
            }
        };
        Provisioner.Report stopped = provisioner.run(List.of(failing), true, o -> {});
        assertThat(stopped.exitCode()).isEqualTo(4);
        assertThat(ReportRenderer.table(stopped))
                .contains("plan stopped at supabase: exit code 4")
                .doesNotContain("provisioned");
        assertThat(ReportRenderer.json(stopped, java.util.Map.of()))
                .contains("\"exit\" : 4")
                .contains("\"error\" : \"supabase: cannot connect")
                .contains("\"dryRun\" : true");

        Provisioner.Report ran = provisioner.run(List.of(new FakeStep("keys", StepStatus.DONE, null)), false, o -> {});
        assertThat(ReportRenderer.table(ran)).endsWith("provisioned" + System.lineSeparator());
    }
}
