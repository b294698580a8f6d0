package dev.stackinit.provision.steps;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.keygen.Finding;
import dev.stackinit.keygen.GenerateRequest;
import dev.stackinit.keygen.KeyPlanner;
import dev.stackinit.keygen.KeyVerifier;
import dev.stackinit.keygen.RandomText;
import dev.stackinit.keygen.io.EnvFileStore;
import dev.stackinit.keygen.io.EnvUpdater;
import dev.stackinit.keygen.io.StackFiles;
import dev.stackinit.keygen.io.StackVerifier;
import dev.stackinit.provision.ProvisionSettings;
import dev.stackinit.provision.Step;
import dev.stackinit.provision.StepOutcome;
import dev.stackinit.provision.StepStatus;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** keys: verify the stack's env files, or generate what is missing into them (key-generator's core). */
public final class KeysStep implements Step {
    private static final Duration FIVE_YEARS = Duration.ofDays(5 * 365);
    private static final Duration WARN_BEFORE = Duration.ofDays(30);

    private final ProvisionSettings.Keys config;
    private final Path base;
    private final Clock clock;
    private final SecureRandom random;

    public KeysStep(ProvisionSettings.Keys config, Path base, Clock clock, SecureRandom random) {
        this.config = config;
        this.base = base.toAbsolutePath();
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public StepOutcome run() {
        return generate() ? generate(false) : verify();
    }

    /** verify checks the keys now (reading only); generate says which values it would set. */
    @Override
    public StepOutcome plan() {
        return generate() ? generate(true) : verify();
    }

    private boolean generate() {
        return config.mode() == ProvisionSettings.KeysMode.GENERATE;
    }

    private StepOutcome generate(boolean dryRun) {
        KeyPlanner planner = new KeyPlanner(clock, new RandomText(random));
        GenerateRequest request = new GenerateRequest(Map.of(), Optional.empty(), false, false, FIVE_YEARS);
        // key-generator's own path: the files locked against a concurrent run, a missing env file refused with the
        // same hint (copy the example first), nothing created behind the user's back
        EnvUpdater.Result result = new EnvUpdater(planner, new EnvFileStore())
                .generate(config.envPaths(), config.mapping(), false, request, dryRun, waiting -> {});
        List<String> details = new ArrayList<>();
        for (EnvUpdater.FileResult file : result.files()) {
            if (!file.set().isEmpty()) {
                details.add(base.relativize(file.path().toAbsolutePath())
                        + (dryRun ? ": would set " : ": set ")
                        + String.join(", ", file.set()));
            }
        }
        details.addAll(result.notes());
        if (!result.changedAnything()) {
            return StepOutcome.of(
                    name(),
                    StepStatus.UP_TO_DATE,
                    List.of(files() + (config.envFiles().size() == 1 ? " holds" : " hold")
                            + " valid keys and secrets"));
        }
        return StepOutcome.of(name(), dryRun ? StepStatus.PLANNED : StepStatus.DONE, details);
    }

    private StepOutcome verify() {
        StackFiles stack = load(true);
        boolean allowDemo = config.allowDemo();
        List<Finding> findings = new StackVerifier(new KeyVerifier(clock)).verify(stack, allowDemo, WARN_BEFORE);
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() + " problem(s) in " + files() + ", first: "
                    + errors.get(0).line() + "; fix with: key-generator generate " + arguments()
                    + " (or set keys.mode: generate)");
        }
        List<String> details = new ArrayList<>();
        details.add("keys checked: " + files() + " verified");
        findings.forEach(f -> details.add(f.line()));
        return StepOutcome.of(name(), StepStatus.UP_TO_DATE, details);
    }

    private StackFiles load(boolean mustExist) {
        return StackFiles.load(config.envPaths(), config.mapping(), new EnvFileStore(), mustExist);
    }

    private String files() {
        return String.join(", ", config.envFiles());
    }

    private String arguments() {
        StringBuilder args = new StringBuilder();
        config.envPaths().forEach(f -> args.append("--env-file ").append(f).append(' '));
        config.mapping().ifPresent(m -> args.append("--mapping ").append(m));
        return args.toString().strip();
    }
}
