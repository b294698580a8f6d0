package dev.stackinit.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people write them, the same in every tool: {@code 500ms}, {@code 45s}, {@code 30m}, {@code 12h},
 * {@code 90d}, {@code 2w}, {@code 5y}, a bare number of seconds, or ISO-8601 ({@code PT30S}, {@code P30D}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w|y)?");

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        Matcher m = SHORT.matcher(text);
        try {
            Duration duration = m.matches() ? shortForm(Long.parseLong(m.group(1)), m.group(2)) : Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + value + "' must be positive");
            }
            return duration;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration such as 500ms, 30s, 2m, 12h, 90d, 5y or P30D");
        }
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
