package dev.stackinit.bench.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall times of repeated runs: median [min–max] in seconds. */
final class Samples {
    private final String name;
    private final List<Double> seconds = new ArrayList<>();

    Samples(String name) {
        this.name = name;
    }

    void add(long nanos) {
        seconds.add(nanos / 1e9);
    }

    String name() {
        return name;
    }

    double median() {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String line() {
        return String.format(
                "%-58s %7.3f s  [%.3f–%.3f]  n=%d",
                name, median(), Collections.min(seconds), Collections.max(seconds), seconds.size());
    }
}
