package dev.stackinit.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * kong/kong.yml as kong-entrypoint.sh renders it, in Java: each ${NAME} replaced from the environment, empty key-auth
 * credentials dropped. KongEntrypointIT checks that the script renders the very same text.
 */
final class KongTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern EMPTY_KEY = Pattern.compile("[ \\t]*- key:[ \\t]*");

    private KongTemplate() {}

    static String render(Map<String, String> env) {
        return StackFiles.text(StackFiles.KONG_FILE)
                        .lines()
                        .map(line -> {
                            Matcher m = VARIABLE.matcher(line);
                            StringBuilder out = new StringBuilder();
                            while (m.find()) {
                                String value = env.get(m.group(1));
                                if (value == null) {
                                    throw new IllegalArgumentException(m.group(1) + " is not set");
                                }
                                m.appendReplacement(out, Matcher.quoteReplacement(value));
                            }
                            m.appendTail(out);
                            return out.toString();
                        })
                        .filter(line -> !EMPTY_KEY.matcher(line).matches())
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    static JsonNode parse(String rendered) {
        try {
            return StackFiles.YAML.readTree(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Lua of the global post-function plugin, as Kong runs it in the access phase. */
    static String translation(JsonNode rendered) {
        return rendered.path("plugins")
                .get(0)
                .path("config")
                .path("access")
                .get(0)
                .asText();
    }
}
