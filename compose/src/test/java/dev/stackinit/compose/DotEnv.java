package dev.stackinit.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dotenv file as compose reads it, keeping whether each entry has a comment right above it. */
record DotEnv(Map<String, String> values, List<String> undocumented, List<String> duplicates) {

    static DotEnv read(java.nio.file.Path file) {
        return parse(StackFiles.text(file));
    }

    static DotEnv parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> undocumented = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        boolean commented = false;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                commented = true;
                continue;
            }
            if (line.isEmpty()) {
                commented = false;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a KEY=value line: " + raw);
            }
            String key = line.substring(0, eq).strip();
            if (values.put(key, unquote(line.substring(eq + 1).strip())) != null) {
                duplicates.add(key);
            }
            if (!commented) {
                undocumented.add(key);
            }
            // one comment documents one variable: the next entry needs its own
            commented = false;
        }
        return new DotEnv(values, undocumented, duplicates);
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
