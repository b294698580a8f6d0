package dev.stackinit.cli;

import dev.stackinit.shared.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive duration option ({@code --expires-in 30d}), in the syntax of {@link Durations}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parsePositive(value);
        } catch (Durations.InvalidDurationException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A duration of zero or more: {@code --wait-timeout 0s} means one attempt, no waiting. */
    public static final class NonNegative implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parseNonNegative(value);
            } catch (Durations.InvalidDurationException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
