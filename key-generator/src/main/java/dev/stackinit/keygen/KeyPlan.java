package dev.stackinit.keygen;

import java.util.List;
import java.util.Map;

/**
 * The complete set of values a stack should have, and what differs from what it has now.
 *
 * @param values every managed variable and its value, in a stable order
 * @param changed the variables whose value is new (generated, re-signed or rebuilt)
 * @param notes why a kept-looking value was replaced, or what is wrong with a kept value; never contains values
 */
public record KeyPlan(Map<String, String> values, List<String> changed, List<String> notes) {
    public KeyPlan {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        changed = List.copyOf(changed);
        notes = List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "KeyPlan[variables=" + values.keySet() + ", changed=" + changed + "]";
    }
}
