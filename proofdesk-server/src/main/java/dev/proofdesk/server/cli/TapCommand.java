package dev.proofdesk.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.relay.RelayClient;
import dev.proofdesk.server.testhelper.MockHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code proofdesk tap}: a desktop relay for front desks and kiosks. The server reads the chip in a
 * PC/SC card reader through the session's relay, exactly as it reads one through a phone; in test,
 * {@code --emulate} relays the emulated chip of a mock passport instead.
 */
@Command(name = "tap", mixinStandardHelpOptions = true,
        description = {"Relay a passport or identity card in a PC/SC card reader to a session: the server reads the chip.",
                "Prints the verdict (valid, invalid or error) and its checks. Exit 0 when the session got a verdict,"
                        + " 1 when the read stopped before one (the session stays pending: fix the cause and tap again)."})
final class TapCommand extends OperatorCommand implements Callable<Integer> {
    private static final Duration RELAY_LIMIT = Duration.ofSeconds(120);

    @Option(names = "--session-url", required = true, paramLabel = "URL",
            description = "The session's verificationUrl (https://…/verify/{id}?token=cs_…), its deep link (proofdesk://chip?…)"
                    + " or its relay URL (wss://…/v1/sessions/{id}/chip, with --client-secret).")
    String sessionUrl;

    @Option(names = "--client-secret", paramLabel = "cs_…", defaultValue = "${env:PROOFDESK_CLIENT_SECRET}",
            description = "The session's client secret, when --session-url does not carry it (default: env PROOFDESK_CLIENT_SECRET).")
    String clientSecret;

    @Option(names = "--mrz", paramLabel = "MRZ",
            description = "The machine-readable zone as printed: two lines of 44 characters (passport) or three of 30 (identity card). Default: none; give one access key.")
    String mrz;

    @Option(names = "--document-number", paramLabel = "N", description = "Document number as in the MRZ (with --birth and --expiry); default: none.")
    String documentNumber;

    @Option(names = "--birth", paramLabel = "YYMMDD", description = "Date of birth as in the MRZ; default: none.")
    String birth;

    @Option(names = "--expiry", paramLabel = "YYMMDD", description = "Date of expiry as in the MRZ; default: none.")
    String expiry;

    @Option(names = "--can", paramLabel = "N", description = "The six-digit card access number printed on identity cards (PACE); default: none.")
    String can;

    @Option(names = "--reader", paramLabel = "NAME",
            description = "Part of the card reader's name; default: the only reader, or the one with a card on it.")
    String reader;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for a card to be placed on the reader (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Option(names = "--emulate", paramLabel = "MOCK_PASSPORT_ID",
            description = "Test mode: relay the emulated chip of this mock passport instead of a card (opened with its MRZ,"
                    + " or CAN for PACE-only chips, unless an access key is given). Reads the test store (--data-dir / --database-url). Default: none, a card in a reader.")
    String emulate;

    @Override
    public Integer call() {
        RelayTarget target = RelayTarget.parse(sessionUrl, clientSecret);
        AccessKey given = accessKey();
        RelayClient relay = new RelayClient(HttpClient.newHttpClient(), new ObjectMapper());
        RelayClient.Outcome outcome;
        if (emulate != null) {
            if (reader != null) {
                throw new ParameterException(spec.commandLine(), "--emulate and --reader exclude each other");
            }
            Emulated chip = withApp(app -> {
                String accountId = accountId(app);
                var passport = app.mockPassports().get(accountId, emulate);
                byte[] image = app.mockPassports().chipImage(accountId, emulate).orElseThrow(() -> new CommandRefusedException(
                        "mock passport " + emulate + " was made before chips were emulated; create a new one"));
                return new Emulated(ChipEmulator.fromImage(image), MockHolder.accessKey(passport));
            });
            err().println("Relaying the emulated chip of mock passport " + emulate + "…");
            outcome = relay.relay(target.chipUrl(), target.clientSecret(), given == null ? chip.key() : given,
                    chip.channel(), RELAY_LIMIT, this::progress);
        } else {
            if (given == null) {
                throw new ParameterException(spec.commandLine(),
                        "give the access key: --mrz, or --document-number with --birth and --expiry, or --can");
            }
            try (PcscReader card = PcscReader.connect(reader, Duration.ofSeconds(waitSeconds).toMillis())) {
                err().println("Card found in " + card.readerName() + ". Keep it on the reader…");
                outcome = relay.relay(target.chipUrl(), target.clientSecret(), given, card, RELAY_LIMIT, this::progress);
            }
        }
        return switch (outcome) {
            case RelayClient.Outcome.Verdict verdict -> printVerdict(verdict);
            case RelayClient.Outcome.Refused refused -> throw new CommandRefusedException(explain(refused));
        };
    }

    private record Emulated(ApduChannel channel, AccessKey key) {
    }

    private AccessKey accessKey() {
        boolean mrzParts = documentNumber != null || birth != null || expiry != null;
        int given = (mrz != null ? 1 : 0) + (mrzParts ? 1 : 0) + (can != null ? 1 : 0);
        if (given > 1) {
            throw new ParameterException(spec.commandLine(), "give one access key: --mrz, or --document-number/--birth/--expiry, or --can");
        }
        try {
            if (mrz != null) {
                return MrzAccessKey.parse(mrz);
            }
            if (mrzParts) {
                if (documentNumber == null || birth == null || expiry == null) {
                    throw new ParameterException(spec.commandLine(), "--document-number, --birth and --expiry go together");
                }
                return new AccessKey.Mrz(documentNumber.toUpperCase(), birth, expiry);
            }
            return can == null ? null : new AccessKey.Can(can);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "access key: " + e.getMessage());
        }
    }

    private void progress(String step) {
        err().println(switch (step) {
            case "access_control" -> "Opening the chip…";
            case "reading" -> "Reading the chip…";
            case "chip_authentication" -> "Checking that the chip is genuine (Chip Authentication)…";
            case "active_authentication" -> "Checking that the chip is genuine (Active Authentication)…";
            default -> step + "…";
        });
    }

    private int printVerdict(RelayClient.Outcome.Verdict verdict) {
        out().println(verdict.status());
        for (JsonNode check : verdict.frame().path("checks")) {
            String mark = check.path("passed").asBoolean() ? "passed" : check.path("skipped").asBoolean() ? "skipped" : "failed";
            String code = check.path("code").isTextual() ? " (" + check.path("code").asText() + ")" : "";
            out().println("  " + check.path("name").asText() + ": " + mark + code);
        }
        return 0;
    }

    private static String explain(RelayClient.Outcome.Refused refused) {
        String advice = switch (refused.code()) {
            case "access_denied" -> " Check the MRZ data or CAN: the chip refused it.";
            case "relay_busy" -> " Another device is reading this session; wait for it to finish.";
            case "session_not_pending" -> " The session already has a verdict, or has expired or been canceled.";
            case "card_error", "timeout" -> " Keep the document still on the reader and tap again.";
            default -> "";
        };
        return "the chip was not read (" + refused.code() + "): " + refused.message() + advice;
    }

    /** Where the relay is and what unlocks it, from any of the URLs a holder is given. */
    record RelayTarget(URI chipUrl, String clientSecret) {
        static RelayTarget parse(String url, String secretOption) {
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new CommandRefusedException("--session-url is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            switch (scheme) {
                case "http", "https" -> {
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    int at = path.lastIndexOf("/verify/");
                    if (at < 0 || path.substring(at + 8).isEmpty() || path.substring(at + 8).contains("/")) {
                        throw new CommandRefusedException("--session-url: expected the session's verificationUrl, …/verify/{id}?token=…");
                    }
                    String id = path.substring(at + 8);
                    String secret = firstNonNull(query(uri, "token"), secretOption);
                    String ws = (scheme.equals("https") ? "wss" : "ws") + "://" + uri.getRawAuthority()
                            + path.substring(0, at) + "/v1/sessions/" + id + "/chip";
                    return of(URI.create(ws), secret);
                }
                case "ws", "wss" -> {
                    return of(uri, secretOption);
                }
                case "proofdesk" -> {
                    String relay = query(uri, "relay");
                    if (relay == null) {
                        throw new CommandRefusedException("--session-url: the deep link carries no relay URL");
                    }
                    return of(URI.create(relay), firstNonNull(query(uri, "secret"), secretOption));
                }
                default -> throw new CommandRefusedException(
                        "--session-url: expected an https://…/verify/{id}?token=… URL, a wss:// relay URL or a proofdesk:// deep link");
            }
        }

        private static RelayTarget of(URI chip, String secret) {
            if (secret == null || secret.isBlank()) {
                throw new CommandRefusedException("no client secret: use the verificationUrl with its token, or --client-secret");
            }
            return new RelayTarget(chip, secret);
        }

        private static String query(URI uri, String name) {
            String raw = uri.getRawQuery();
            if (raw == null) {
                return null;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static String firstNonNull(String a, String b) {
            return a != null ? a : b;
        }
    }
}
