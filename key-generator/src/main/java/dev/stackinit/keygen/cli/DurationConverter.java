package dev.stackinit.keygen.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: {@code 5y}, {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, or ISO {@code P30D}. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhdwy])");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.strip());
        try {
            Duration duration = m.matches() ? shortForm(Long.parseLong(m.group(1)), m.group(2)) : Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("'" + value + "' must be positive");
            }
            return duration;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 5y, 90d, 12h, 30m or P30D");
        }
    }

    private static Duration shortForm(long amount, String unit) {
        return switch (unit) {
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
