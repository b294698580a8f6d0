package dev.stackinit.seeder;

/** A MongoDB server version ("7.0.12", "8.0.0-rc3"), compared by major, minor and patch. */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {
    /** The version, or null when the text is not one ("unknown", empty). */
    public static ServerVersion parse(String text) {
        if (text == null) {
            return null;
        }
        String core = text.split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new ServerVersion(
                    Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]),
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean atLeast(int wantMajor, int wantMinor) {
        return compareTo(new ServerVersion(wantMajor, wantMinor, 0)) >= 0;
    }

    /** From 8.3 time-series data is the collection itself (raw data API), before it lives in system.buckets. */
    public boolean hasViewlessTimeseries() {
        return atLeast(8, 3);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
