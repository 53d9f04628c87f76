package dev.proofdesk.server.config;

import dev.proofdesk.server.security.Cidr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code PROOFDESK_*} variables (and command-line overrides, which win) into a
 * {@link ServerConfig}. Every refusal names the variable and says how to fix it.
 */
public final class ConfigLoader {

    public static final Map<String, Integer> DEFAULT_COSTS =
            Map.of("pre_kyc", 25, "age_verification", 10, "proof_of_human", 10);

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Overrides come from command-line options; a null override means "not given". */
    public ServerConfig load(Integer portOverride, Path dataDirOverride, String databaseUrlOverride) {
        int port = portOverride != null ? checkPort("--port", portOverride)
                : intVar("PROOFDESK_PORT", 8080, 0, 65535, "a free TCP port such as 8080 (0 picks one)");
        Path dataDir = dataDirOverride != null ? dataDirOverride
                : Path.of(env.getOrDefault("PROOFDESK_DATA_DIR", "data"));
        Optional<String> databaseUrl = Optional.ofNullable(
                        databaseUrlOverride != null ? databaseUrlOverride : env.get("PROOFDESK_DATABASE_URL"))
                .map(String::trim).filter(s -> !s.isEmpty());
        databaseUrl.ifPresent(ConfigLoader::checkDatabaseUrl);
        Optional<String> baseUrl = optional("PROOFDESK_PUBLIC_URL").map(ConfigLoader::checkBaseUrl);
        Optional<String> masterKey = optional("PROOFDESK_MASTER_KEY").map(ConfigLoader::checkMasterKey);
        int rateTest = intVar("PROOFDESK_RATE_LIMIT_TEST", 100, 0, 1_000_000,
                "requests per second per test key, 0 to disable");
        int rateLive = intVar("PROOFDESK_RATE_LIMIT_LIVE", 100, 0, 1_000_000,
                "requests per second per live key, 0 to disable");
        long maxBody = intVar("PROOFDESK_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576,
                "the largest request body in bytes, e.g. 1048576");
        Map<String, Integer> costs = new LinkedHashMap<>();
        DEFAULT_COSTS.forEach((product, cost) -> costs.put(product,
                intVar("PROOFDESK_COST_" + product.toUpperCase(), cost, 0, 1_000_000,
                        "credits charged per " + product + " session")));
        int sweep = intVar("PROOFDESK_SWEEP_INTERVAL_SECONDS", 5, 1, 3600,
                "seconds between sweeps for overdue sessions");
        int pool = intVar("PROOFDESK_DATABASE_POOL_SIZE", 10, 1, 200,
                "database connections per store");
        int creditsLow = intVar("PROOFDESK_CREDITS_LOW_THRESHOLD", 100, 0, 1_000_000_000,
                "a live balance below this many credits records a billing.credits_low event (0 disables it)");
        return new ServerConfig(port, dataDir, databaseUrl, baseUrl, masterKey, rateTest, rateLive, maxBody,
                costs, sweep, pool, creditsLow, webhooks(), relay());
    }

    private RelaySettings relay() {
        return new RelaySettings(
                Duration.ofMillis(intVar("PROOFDESK_RELAY_APDU_TIMEOUT_MILLIS", 5_000, 50, 60_000,
                        "milliseconds one APDU may take to come back through a chip relay")),
                Duration.ofSeconds(intVar("PROOFDESK_RELAY_READ_TIMEOUT_SECONDS", 90, 1, 600,
                        "seconds a whole chip relay may last, from connection to verdict")));
    }

    private WebhookSettings webhooks() {
        List<Cidr> cidrs = new ArrayList<>();
        for (String part : optional("PROOFDESK_WEBHOOK_ALLOWED_CIDRS").orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                cidrs.add(Cidr.parse(part));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("PROOFDESK_WEBHOOK_ALLOWED_CIDRS: " + e.getMessage()
                        + ". Give comma-separated ranges, e.g. 10.1.0.0/16,fd00::/8, or unset it.");
            }
        }
        Optional<Path> caFile = optional("PROOFDESK_WEBHOOK_CA_FILE").map(Path::of);
        caFile.filter(f -> !java.nio.file.Files.isReadable(f)).ifPresent(f -> {
            throw new ConfigException("PROOFDESK_WEBHOOK_CA_FILE is " + f + ", which cannot be read. "
                    + "Point it to a PEM file of CA certificates or unset it.");
        });
        return new WebhookSettings(cidrs,
                intVar("PROOFDESK_WEBHOOK_WORKERS_TEST", 128, 1, 4096, "concurrent test webhook deliveries"),
                intVar("PROOFDESK_WEBHOOK_WORKERS_LIVE", 128, 1, 4096, "concurrent live webhook deliveries"),
                intVar("PROOFDESK_WEBHOOK_ENDPOINT_CONCURRENCY", 16, 1, 1024,
                        "concurrent deliveries to one endpoint"),
                Duration.ofSeconds(intVar("PROOFDESK_WEBHOOK_LEASE_SECONDS", 60, 20, 3600,
                        "seconds a claimed delivery stays reserved for its node")),
                Duration.ofMillis(intVar("PROOFDESK_WEBHOOK_POLL_MILLIS", 500, 10, 60_000,
                        "milliseconds between fallback polls for due deliveries")),
                caFile);
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int intVar(String name, int fallback, int min, int max, String meaning) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " is '" + raw.get() + "', but it must be a whole number from "
                    + min + " to " + max + ": " + meaning + ". Fix or unset it.");
        }
    }

    private static int checkPort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(option + " is " + port + ", but it must be from 0 to 65535 (0 picks a free port).");
        }
        return port;
    }

    private static void checkDatabaseUrl(String url) {
        if (!(url.startsWith("jdbc:postgresql://") || url.startsWith("postgres://")
                || url.startsWith("postgresql://"))) {
            throw new ConfigException("PROOFDESK_DATABASE_URL (--database-url) is not a PostgreSQL URL. Use e.g. "
                    + "postgresql://postgres@127.0.0.1:5432/proofdesk, or unset it to use the embedded SQLite store.");
        }
    }

    private static String checkBaseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PROOFDESK_PUBLIC_URL is '" + url
                    + "', but it must be an absolute http(s) URL such as https://verify.example.com");
        }
    }

    private static String checkMasterKey(String key) {
        try {
            if (Base64.getDecoder().decode(key).length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the message below
        }
        throw new ConfigException("PROOFDESK_MASTER_KEY must be the base64 of exactly 32 random bytes "
                + "(generate one with: openssl rand -base64 32), or unset to use a key file in the data directory.");
    }
}
