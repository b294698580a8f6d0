package dev.stackinit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: median [min–max]. */
public final class Samples {
    private final String name;
    private final List<Double> values = new ArrayList<>();

    public Samples(String name) {
        this.name = name;
    }

    public static Samples of(String name, List<Double> values) {
        Samples samples = new Samples(name);
        values.forEach(samples::add);
        return samples;
    }

    public void add(double value) {
        values.add(value);
    }

    public void addNanos(long nanos) {
        values.add(nanos / 1e9);
    }

    /** Forgets every value (after an untimed warm-up round that went through the same code). */
    public void clear() {
        values.clear();
    }

    public String name() {
        return name;
    }

    public int size() {
        return values.size();
    }

    public List<Double> values() {
        return List.copyOf(values);
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return Collections.min(values);
    }

    public double max() {
        return Collections.max(values);
    }

    /** The run-by-run ratio of two interleaved series (run i of this over run i of the other). */
    public Samples over(Samples baseline, String ratioName) {
        Samples ratio = new Samples(ratioName);
        for (int i = 0; i < Math.min(values.size(), baseline.values.size()); i++) {
            ratio.add(values.get(i) / baseline.values.get(i));
        }
        return ratio;
    }

    /** {@code median [min–max]} with the given number of decimals. */
    public String format(int decimals) {
        return format(decimals, "");
    }

    /** {@code median<unit> [min–max]}, e.g. {@code 0.52 s [0.45–0.61]} or {@code 1.3× [1.1–1.6]}. */
    public String format(int decimals, String unit) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + "%s [" + f + "–" + f + "]", median(), unit, min(), max());
    }

    public String line() {
        return String.format(Locale.ROOT, "%-58s %s s  n=%d", name, format(3), values.size());
    }
}
