package dev.proofdesk.server.cli;

import dev.proofdesk.server.apikey.ApiKey;
import dev.proofdesk.server.apikey.ApiKeyService;
import dev.proofdesk.server.apikey.KeyKind;
import dev.proofdesk.server.store.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "keys", mixinStandardHelpOptions = true, description = {"Create, list, roll and revoke API keys.",
        "Secret keys (sk_test_…, sk_live_…) are for your servers: the key decides the environment. An account has "
                + "at most " + ApiKeyService.MAX_ACTIVE_SECRET_KEYS + " active secret keys per environment (a rolled key "
                + "counts until its grace period ends): roll or revoke one to make room.",
        "Publishable keys (pk_test_…, pk_live_…) may sit in a web page or an app: every API endpoint refuses "
                + "them, so a leaked one reads and changes nothing.",
        "The first start makes test keys only; live keys are made on purpose, with keys create --env live."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Roll.class,
                KeysCommand.Revoke.class})
final class KeysCommand {

    /** Options shared by the key subcommands. */
    static class Common extends OperatorCommand {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print only the key, so scripts can capture it.")
    static final class Create extends Common implements Callable<Integer> {
        @Option(names = "--env", required = true, paramLabel = "test|live",
                description = "The environment the key reaches; a key never reaches the other one.")
        String env;

        @Option(names = "--type", defaultValue = "secret", paramLabel = "secret|publishable",
                description = "secret (for your servers; at most " + ApiKeyService.MAX_ACTIVE_SECRET_KEYS
                        + " active per environment) or publishable (refused by every endpoint, safe in a browser); "
                        + "default: ${DEFAULT-VALUE}.")
        String type;

        @Override
        public Integer call() {
            KeyKind kind = switch (type.toLowerCase(Locale.ROOT)) {
                case "secret" -> KeyKind.SECRET;
                case "publishable" -> KeyKind.PUBLISHABLE;
                default -> throw new InvalidArgumentException(spec, "--type", "must be secret or publishable");
            };
            Environment environment = env(env);
            String secret = withApp(app -> app.apiKeys().create(accountId(app), environment, kind, "cli").secret());
            out().println(secret);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never the keys themselves).")
    static final class ListKeys extends Common implements Callable<Integer> {
        @Option(names = "--env", required = true, paramLabel = "test|live", description = "The environment to list.")
        String env;

        @Override
        public Integer call() {
            Environment environment = env(env);
            withApp(app -> {
                var now = app.clock().instant();
                out().printf("%-36s  %-12s  %-22s  %-8s  %s%n", "ID", "TYPE", "KEY", "STATE", "CREATED");
                for (ApiKey key : app.apiKeys().list(accountId(app), environment)) {
                    String state = key.revokedAt().isPresent() ? "revoked"
                            : key.activeAt(now) ? (key.expiresAt().isPresent() ? "expiring" : "active") : "expired";
                    out().printf("%-36s  %-12s  %-22s  %-8s  %s%n", key.id(), key.kind().name().toLowerCase(Locale.ROOT),
                            key.redacted(), state, key.createdAt());
                }
                return null;
            });
            return 0;
        }
    }

    @Command(name = "roll", mixinStandardHelpOptions = true,
            description = "Replace a key; the old one keeps working for the grace period (default 24h, at most 7d). "
                    + "Prints the new key.")
    static final class Roll extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "KEY_ID", description = "The id of the key to replace, from keys list.")
        String keyId;

        @Option(names = "--grace", defaultValue = "24h", paramLabel = "DURATION",
                description = "How long the old key keeps working, e.g. 0, 30m, 24h, 7d (at most 7d); "
                        + "default: ${DEFAULT-VALUE}.")
        String grace;

        @Override
        public Integer call() {
            Duration duration = parseDuration(grace);
            ApiKeyService.Created created = withApp(app ->
                    app.apiKeys().roll(accountId(app), keyId, duration, "cli"));
            out().println(created.secret());
            return 0;
        }

        private Duration parseDuration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (t.equals("0")) {
                    return Duration.ZERO;
                }
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new InvalidArgumentException(spec, "--grace",
                        "'" + text + "' is not a duration; use e.g. 0, 30m, 24h or 7d");
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key immediately.")
    static final class Revoke extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "KEY_ID", description = "The id of the key, from keys list.")
        String keyId;

        @Override
        public Integer call() {
            ApiKey key = withApp(app -> app.apiKeys().revoke(accountId(app), keyId, "cli"));
            spec.commandLine().getErr().println("Revoked " + key.redacted() + " (" + key.id() + ").");
            return 0;
        }
    }
}
