package dev.stackinit.provision;

import dev.stackinit.provision.steps.KeysStep;
import dev.stackinit.provision.steps.MongoStep;
import dev.stackinit.provision.steps.SupabaseStep;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The steps a config asks for, in the order the stack needs them: keys, mongo, supabase. */
public final class StepFactory {
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    public StepFactory(Clock clock, SecureRandom random, Map<String, String> env, Consumer<String> progress) {
        this.clock = clock;
        this.random = random;
        this.env = env;
        this.progress = progress;
    }

    public List<Step> steps(ProvisionConfig config, Path base) {
        List<Step> steps = new ArrayList<>();
        if (config.keys() != null) {
            steps.add(new KeysStep(config.keys(), base, clock, random));
        }
        if (config.mongo() != null) {
            steps.add(new MongoStep(config.mongo(), base, clock, progress));
        }
        if (config.supabase() != null) {
            steps.add(new SupabaseStep(config.supabase(), base, clock, env, progress));
        }
        return steps;
    }
}
