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

/** The steps a validated config asks for, in the order the stack needs them: keys, mongo, supabase. */
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

    /** @param base the folder relative paths in messages start at (the config file's) */
    public List<Step> steps(ProvisionSettings settings, Path base) {
        List<Step> steps = new ArrayList<>();
        settings.keys().ifPresent(keys -> steps.add(new KeysStep(keys, base, clock, random)));
        settings.mongo().ifPresent(mongo -> steps.add(new MongoStep(mongo, clock, progress)));
        settings.supabase().ifPresent(supabase -> steps.add(new SupabaseStep(supabase, clock, env, progress)));
        return steps;
    }
}
