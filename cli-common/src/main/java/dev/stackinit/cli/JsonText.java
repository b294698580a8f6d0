package dev.stackinit.cli;

import java.util.Map;

/** The few JSON strings ToolCli writes itself (error objects), so cli-common needs no JSON library. */
final class JsonText {
    private JsonText() {}

    /** A flat JSON object of strings and integers, in the map's order. */
    static String object(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(field.getKey())).append(": ");
            Object value = field.getValue();
            json.append(
                    value instanceof Number || value instanceof Boolean ? value.toString() : quote(value.toString()));
        }
        return json.append('}').toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
