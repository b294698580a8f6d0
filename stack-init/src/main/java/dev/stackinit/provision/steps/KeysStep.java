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
import dev.stackinit.provision.ProvisionConfig;
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

    private final ProvisionConfig.Keys config;
    private final Path base;
    private final Clock clock;
    private final SecureRandom random;

    public KeysStep(ProvisionConfig.Keys config, Path base, Clock clock, SecureRandom random) {
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
        return config.generate() ? generate(false) : verify();
    }

    @Override
    public StepOutcome plan() {
        if (!config.generate()) {
            return StepOutcome.of(name(), StepStatus.PLANNED, List.of("would verify " + files()));
        }
        return generate(true);
    }

    private StepOutcome generate(boolean dryRun) {
        StackFiles stack = load(false);
        KeyPlanner planner = new KeyPlanner(clock, new RandomText(random));
        GenerateRequest request = new GenerateRequest(Map.of(), Optional.empty(), false, false, FIVE_YEARS);
        EnvUpdater.Result result = new EnvUpdater(planner, new EnvFileStore()).update(stack, request, dryRun);
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
            return StepOutcome.of(name(), StepStatus.UP_TO_DATE, List.of(files() + " hold valid keys and secrets"));
        }
        return StepOutcome.of(name(), dryRun ? StepStatus.PLANNED : StepStatus.DONE, details);
    }

    private StepOutcome verify() {
        StackFiles stack = load(true);
        boolean allowDemo = Boolean.TRUE.equals(config.allowDemo());
        List<Finding> findings = new StackVerifier(new KeyVerifier(clock)).verify(stack, allowDemo, WARN_BEFORE);
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() + " problem(s) in " + files() + ", first: "
                    + errors.get(0).line() + "; fix with: key-generator generate " + arguments()
                    + " (or set keys.mode: generate)");
        }
        List<String> details = new ArrayList<>();
        details.add(files() + " verified");
        findings.forEach(f -> details.add(f.line()));
        return StepOutcome.of(name(), StepStatus.UP_TO_DATE, details);
    }

    private StackFiles load(boolean mustExist) {
        if (envFiles().isEmpty()) {
            throw new InvalidInputException("keys: env_files is required (e.g. env_files: [.env])");
        }
        Optional<Path> mapping = Optional.ofNullable(config.mapping()).map(base::resolve);
        return StackFiles.load(envFiles(), mapping, new EnvFileStore(), mustExist);
    }

    private List<Path> envFiles() {
        return config.envFiles() == null
                ? List.of()
                : config.envFiles().stream().map(base::resolve).toList();
    }

    private String files() {
        return String.join(", ", config.envFiles() == null ? List.of() : config.envFiles());
    }

    private String arguments() {
        StringBuilder args = new StringBuilder();
        envFiles().forEach(f -> args.append("--env-file ").append(f).append(' '));
        if (config.mapping() != null) {
            args.append("--mapping ").append(base.resolve(config.mapping()));
        }
        return args.toString().strip();
    }
}
