package dev.proofdesk.bench;

import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;

/** Options every load command shares. */
final class LoadOptions {
    @Option(names = "--clients", defaultValue = "64", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "Measured time, e.g. 30s or 2m (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "Unmeasured time before it, for the JIT and the caches (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--rate", description = "Open loop: total operations per second to aim for; latency then "
            + "counts from each operation's intended start. Default: closed loop, as fast as answers come.")
    Double rate;

    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
            return switch (t.replaceAll("^[0-9]+", "")) {
                case "ms" -> Duration.ofMillis(n);
                case "s", "" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30s or 2m");
            };
        }
    }
}
