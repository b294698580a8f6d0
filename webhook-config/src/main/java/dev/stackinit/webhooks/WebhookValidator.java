package dev.stackinit.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules Studio's webhook form enforces, plus what would make the trigger fail when it fires. */
public final class WebhookValidator {
    public static final int MIN_TIMEOUT_MS = 1000;
    public static final int MAX_TIMEOUT_MS = 10000;
    /** PostgreSQL truncates longer names (NAMEDATALEN - 1 bytes), so two long names could collide silently. */
    static final int MAX_NAME_BYTES = 63;

    private WebhookValidator() {}

    /** Throws InvalidInputException naming every problem of every spec (and names declared twice). */
    public static void validate(List<WebhookSpec> specs) {
        Problems problems = new Problems("");
        Set<String> seen = new HashSet<>();
        for (WebhookSpec spec : specs) {
            problemsOf(spec).forEach(problem -> problems.add("webhook " + spec.name() + ": " + problem));
            if (!seen.add(spec.name())) {
                problems.add("webhook " + spec.name() + " is declared more than once");
            }
        }
        problems.throwIfAny();
    }

    public static List<String> problemsOf(WebhookSpec spec) {
        List<String> problems = new ArrayList<>();
        identifierProblem("name", spec.name()).ifPresent(problems::add);
        identifierProblem("schema", spec.schema()).ifPresent(problems::add);
        identifierProblem("table", spec.table()).ifPresent(problems::add);
        if (spec.events().isEmpty()) {
            problems.add("at least one event is needed (INSERT, UPDATE, DELETE)");
        }
        UrlSafety.problem(spec.url()).ifPresent(problems::add);
        if (spec.timeoutMs() < MIN_TIMEOUT_MS || spec.timeoutMs() > MAX_TIMEOUT_MS) {
            problems.add("timeout_ms must be between " + MIN_TIMEOUT_MS + " and " + MAX_TIMEOUT_MS + ", not "
                    + spec.timeoutMs());
        }
        if (spec.method() == HttpMethod.POST) {
            Headers.postProblem(spec.headers()).ifPresent(problems::add);
        }
        return problems;
    }

    /** Things that work but are probably wrong; they never stop a run. */
    public static List<String> warnings(List<WebhookSpec> specs) {
        List<String> warnings = new ArrayList<>();
        for (WebhookSpec spec : specs) {
            if (UrlSafety.isLoopback(spec.url())) {
                warnings.add("webhook " + spec.name() + " calls " + UrlSafety.masked(spec.url())
                        + ": inside the database container localhost is the database itself;"
                        + " use a service name or host.docker.internal");
            }
        }
        return warnings;
    }

    private static java.util.Optional<String> identifierProblem(String field, String value) {
        if (value.isEmpty()) {
            return java.util.Optional.of(field + " is empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return java.util.Optional.of(field + " '" + value + "' is longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return java.util.Optional.of(field + " contains control characters");
        }
        return java.util.Optional.empty();
    }
}
