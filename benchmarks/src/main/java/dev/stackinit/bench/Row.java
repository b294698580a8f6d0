package dev.stackinit.bench;

/**
 * One line of the suite's table.
 *
 * @param section 1 clone, 2 migrate, 3 no-op, 4 --version, 5 size
 * @param what the subject measured
 * @param value its figure, usually median [min–max] with a unit
 * @param baseline what it is compared with, measured in the same run (empty when none)
 * @param ratio subject over baseline, median [min–max] of the per-run ratios (empty when none)
 * @param goal the goal from the issue (empty for context rows)
 * @param verdict whether the goal is met; {@code null} for context rows
 */
public record Row(
        String section, String what, String value, String baseline, String ratio, String goal, Boolean verdict) {
    public static Row info(String section, String what, String value) {
        return new Row(section, what, value, "", "", "", null);
    }

    public String verdictText() {
        return verdict == null ? "" : verdict ? "yes" : "NO";
    }
}
