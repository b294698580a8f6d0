package dev.stackinit.webhooks.jdbc;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** pg_trigger.tgargs: the arguments as bytes, each one ended by a NUL byte. */
final class TriggerArguments {
    private TriggerArguments() {}

    static List<String> decode(byte[] bytes, int count, Charset charset) {
        List<String> arguments = new ArrayList<>(count);
        int start = 0;
        for (int i = 0; bytes != null && i < bytes.length && arguments.size() < count; i++) {
            if (bytes[i] == 0) {
                arguments.add(new String(bytes, start, i - start, charset));
                start = i + 1;
            }
        }
        return arguments;
    }
}
