package dev.stackinit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a process in a clean environment and measures its wall time, JVM start included, and its peak resident memory.
 */
public final class Spawn {
    private static final long POLL_MILLIS = 5;

    private Spawn() {}

    /**
     * @param peakRssKb the largest resident set (VmHWM, the kernel's own high-water mark) seen while the process ran,
     *     read every few milliseconds from /proc; 0 where there is no /proc. A launcher that execs its JVM keeps its
     *     process id, so this is the JVM's.
     */
    public record Result(int exit, String output, long nanos, long peakRssKb) {
        public double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    /** Only PATH, HOME, LANG and TMPDIR are inherited, so that no variable of the caller becomes a tool default. */
    public static Result run(List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = Map.copyOf(environment);
        environment.clear();
        for (String name : List.of("PATH", "HOME", "TMPDIR")) {
            if (inherited.containsKey(name)) {
                environment.put(name, inherited.get(name));
            }
        }
        environment.put("LANG", "C.UTF-8");
        environment.putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicLong peak = new AtomicLong();
        Thread watcher = new Thread(() -> watch(process, peak), "peak-rss");
        watcher.setDaemon(true);
        watcher.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process));
        int exit = process.waitFor();
        long nanos = System.nanoTime() - start;
        watcher.join();
        return new Result(exit, output.join(), nanos, peak.get());
    }

    /** A run that must exit 0 and print {@code expected}. */
    public static Result checked(List<String> command, Map<String, String> env, Path dir, String expected)
            throws IOException, InterruptedException {
        Result result = run(command, env, dir);
        if (result.exit() != 0 || !result.output().contains(expected)) {
            throw new IllegalStateException("expected exit 0 and '" + expected + "' from " + String.join(" ", command)
                    + "\nbut got exit " + result.exit() + ":\n" + result.output());
        }
        return result;
    }

    /** A run that must exit 0 and print {@code expected}; returns its wall time in nanoseconds. */
    public static long timed(List<String> command, Map<String, String> env, Path dir, String expected)
            throws IOException, InterruptedException {
        return checked(command, env, dir, expected).nanos();
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static void watch(Process process, AtomicLong peak) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        peak.accumulateAndGet(kb, Math::max);
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (IOException | NumberFormatException e) {
                return; // the process is gone, or there is no /proc
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
