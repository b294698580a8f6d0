package dev.stackinit.keygen.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.keygen.Finding;
import dev.stackinit.keygen.GenerateRequest;
import dev.stackinit.keygen.KeyPlan;
import dev.stackinit.keygen.KeyPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code generate --env-file}: plans the stack's values from what its files hold, then updates the env files and the
 * mapping's targets. Everything is computed and checked before the first byte is written; then all files are written
 * together or none is.
 */
public final class EnvUpdater {
    private final KeyPlanner planner;
    private final EnvFileStore store;

    /** What happened to one file; names only, never values. */
    public record FileResult(Path path, boolean created, List<String> set) {
        public String display() {
            return StackFiles.display(path);
        }
    }

    public record Result(List<FileResult> files, List<String> notes, boolean written) {
        public boolean changedAnything() {
            return files.stream().anyMatch(f -> !f.set().isEmpty());
        }
    }

    public EnvUpdater(KeyPlanner planner, EnvFileStore store) {
        this.planner = planner;
        this.store = store;
    }

    /**
     * {@code generate --env-file/--mapping}: locks the folders of every file of the stack (a concurrent run waits, then
     * finds the values this one wrote), reads them, plans and writes. A dry run takes no lock.
     *
     * @param create a missing env file (or mapping source) starts empty instead of being an error
     * @param onWait told once if another run holds a lock
     */
    public Result generate(
            List<Path> envFiles,
            Optional<Path> mappingFile,
            boolean create,
            GenerateRequest request,
            boolean dryRun,
            Consumer<Path> onWait) {
        return generate(envFiles, mappingFile, create, request, dryRun, onWait, StackLock.DEFAULT_WAIT);
    }

    /** @param lockWait how long to wait for another run's lock ({@code --wait-timeout}) */
    public Result generate(
            List<Path> envFiles,
            Optional<Path> mappingFile,
            boolean create,
            GenerateRequest request,
            boolean dryRun,
            Consumer<Path> onWait,
            java.time.Duration lockWait) {
        Optional<EnvMapping> mapping = mappingFile.map(EnvMapping::load);
        if (dryRun) {
            return update(StackFiles.read(envFiles, mapping, store, !create), request, true);
        }
        try (StackLock lock = StackLock.acquire(StackFiles.paths(envFiles, mapping), onWait, lockWait)) {
            return update(StackFiles.read(envFiles, mapping, store, !create), request, false);
        }
    }

    /**
     * @param request the planner's request; its {@code current} values are replaced by the files' values
     * @param dryRun compute and report, write nothing
     */
    public Result update(StackFiles stack, GenerateRequest request, boolean dryRun) {
        List<Finding> conflicts = new ArrayList<>();
        Map<String, String> current = stack.merged(conflicts);
        if (!conflicts.isEmpty() && !request.rotate()) {
            throw new InvalidInputException(
                    conflicts.get(0).subject() + " " + conflicts.get(0).message()
                            + ": make the files agree, or run with --rotate to replace the secrets everywhere");
        }
        KeyPlan plan = planner.plan(new GenerateRequest(
                current, request.givenJwtSecret(), request.rotate(), request.asymmetric(), request.expiresIn()));
        Map<Path, EnvFile> updated = new LinkedHashMap<>();
        Map<Path, List<String>> set = new LinkedHashMap<>();
        for (Path path : stack.envFiles()) {
            EnvFile file = stack.file(path);
            Map<String, String> updates = new LinkedHashMap<>();
            plan.values().forEach((name, value) -> {
                boolean wanted = path.equals(stack.main()) || file.has(name);
                if (wanted && !value.equals(file.values().get(name))) {
                    updates.put(name, value);
                }
            });
            apply(updated, set, path, file, updates);
        }
        stack.mapping().ifPresent(mapping -> propagate(stack, mapping, updated, set));
        List<FileResult> results = new ArrayList<>();
        set.forEach((path, names) -> results.add(new FileResult(path, !stack.exists(path) && !names.isEmpty(), names)));
        List<EnvFileStore.Change> changes = stack.changes(updated);
        // a read-only or odd file is named by a dry run too, not only when it is too late
        store.check(changes);
        if (!dryRun && !changes.isEmpty()) {
            store.writeAll(changes);
        }
        List<String> notes = new ArrayList<>(stack.warnings());
        notes.addAll(plan.notes());
        return new Result(results, List.copyOf(notes), !dryRun && !changes.isEmpty());
    }

    private static void propagate(
            StackFiles stack, EnvMapping mapping, Map<Path, EnvFile> updated, Map<Path, List<String>> set) {
        Map<String, String> source = updated.get(mapping.source()).values();
        for (EnvMapping.Target target : mapping.targets()) {
            EnvFile file = Optional.ofNullable(updated.get(target.file())).orElse(stack.file(target.file()));
            Map<String, String> updates = new LinkedHashMap<>();
            target.vars().forEach((to, from) -> {
                String value = source.get(from);
                if (value == null) {
                    throw new InvalidInputException(StackFiles.display(mapping.mappingFile()) + ": "
                            + StackFiles.display(target.file()) + ": " + to + " maps from " + from + ", which "
                            + StackFiles.display(mapping.source()) + " does not define");
                }
                if (!value.equals(file.values().get(to))) {
                    updates.put(to, value);
                }
            });
            apply(updated, set, target.file(), file, updates);
        }
    }

    private static void apply(
            Map<Path, EnvFile> updated,
            Map<Path, List<String>> set,
            Path path,
            EnvFile file,
            Map<String, String> updates) {
        updated.put(path, file.with(updates));
        set.computeIfAbsent(path, p -> new ArrayList<>()).addAll(updates.keySet());
    }
}
