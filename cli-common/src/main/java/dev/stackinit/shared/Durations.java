package dev.stackinit.shared;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, the same in every tool and in every config file: {@code 500ms}, {@code 45s},
 * {@code 30m}, {@code 12h}, {@code 90d}, {@code 2w}, {@code 5y}, a bare number of seconds, or ISO-8601 ({@code PT30S},
 * {@code P30D}). Negative durations are never accepted.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w|y)?");

    private Durations() {}

    /** Thrown for text that is not a duration, or a duration out of the allowed range; the message is for people. */
    public static final class InvalidDurationException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidDurationException(String message) {
            super(message);
        }
    }

    /** A duration of zero or more ({@code 0s} means "do not wait": one attempt). */
    public static Duration parseNonNegative(String value) {
        Duration duration = parse(value);
        if (duration.isNegative()) {
            throw new InvalidDurationException("'" + value + "' must not be negative");
        }
        return duration;
    }

    /** A duration above zero, e.g. how long a token lives. */
    public static Duration parsePositive(String value) {
        Duration duration = parse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidDurationException("'" + value + "' must be positive");
        }
        return duration;
    }

    private static Duration parse(String value) {
        String text = value == null ? "" : value.strip();
        Matcher m = SHORT.matcher(text);
        try {
            return m.matches() ? shortForm(Long.parseLong(m.group(1)), m.group(2)) : Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            if (text.startsWith("-")) {
                throw new InvalidDurationException("'" + value + "' must not be negative");
            }
            throw new InvalidDurationException(
                    "'" + value + "' is not a duration such as 500ms, 30s, 2m, 12h, 90d, 5y or P30D");
        }
    }

    /** The short form of a duration, as {@link #parsePositive} reads it back: {@code 1500ms}, {@code 30s}, {@code 2m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static Duration shortForm(long amount, String unit) {
        if (unit == null) {
            return Duration.ofSeconds(amount);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7));
            // a year is 365 days, as Supabase's generate-keys.sh counts
            default -> Duration.ofDays(Math.multiplyExact(amount, 365));
        };
    }
}
