package dev.proofdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.sdk.Proofdesk;
import dev.proofdesk.sdk.flow.FlowDefinition;
import dev.proofdesk.sdk.flow.FlowParams;
import dev.proofdesk.sdk.flow.Product;
import dev.proofdesk.sdk.session.Session;
import dev.proofdesk.sdk.session.SessionCreateParams;
import dev.proofdesk.sdk.testhelper.MockPassport;
import dev.proofdesk.sdk.testhelper.MockPassportCreateParams;
import dev.proofdesk.server.Application;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.relay.RelayClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Chip relays end to end against a running server, the driver being the reader: each operation
 * creates a test session and relays an emulated chip through {@code GET /v1/sessions/{id}/chip}
 * with the same {@link RelayClient} the test helper uses, so the server only plays the terminal.
 * The chips are mock passports created through the API; their chip images (private keys included,
 * which the API never returns) are read from the server's own test store before the timed phase,
 * as the {@code proofdesk mock-passport} command would. With {@code --server-pid} it also reports
 * the server's CPU per verification, split by JFR samples into cryptography and the rest, and the
 * heap with many relays open at once.
 */
@Command(name = "relays", mixinStandardHelpOptions = true,
        description = "Relay emulated chips through the server's chip relay from N concurrent readers; report "
                + "verifications/s, latency, the server's CPU per verification and its heap with many relays open.")
final class RelaysCommand implements Callable<Integer> {
    private static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Duration RELAY_LIMIT = Duration.ofMinutes(2);
    private static final String RECORDING = "proofdesk-relay-bench";

    @Mixin
    LoadOptions load;

    @Option(names = "--base-url", required = true, description = "The server, e.g. http://127.0.0.1:8080")
    String baseUrl;

    @Option(names = "--api-key", required = true, description = "A test secret key (rate limits off on the server).")
    String apiKey;

    @Option(names = "--data-dir", required = true,
            description = "The server's data directory (master key; SQLite stores unless --database-url).")
    Path dataDir;

    @Option(names = "--database-url", description = "The server's PostgreSQL URL, if it runs on PostgreSQL.")
    String databaseUrl;

    @Option(names = "--chip-authentication", defaultValue = "chip", description = "active, chip or none (default ${DEFAULT-VALUE}).")
    String chipAuthentication;

    @Option(names = "--access-control", defaultValue = "both", description = "bac, pace or both (default ${DEFAULT-VALUE}).")
    String accessControl;

    @Option(names = "--signature-algorithm", defaultValue = "ECDSA-P256", description = "RSA-2048, RSA-PSS or ECDSA-P256.")
    String algorithm;

    @Option(names = "--passports", defaultValue = "16", description = "Mock passports the readers take in turn.")
    int passports;

    @Option(names = "--server-pid", description = "The server's process id on this machine: enables CPU, JFR and heap figures.")
    Long serverPid;

    @Option(names = "--open-relays", defaultValue = "500", description = "Relays held open at once for the heap figure (0: skip).")
    int openRelays;

    @Option(names = "--hold", defaultValue = "2s", converter = LoadOptions.DurationConverter.class,
            description = "How long a held relay's chip takes per APDU; under the server's per-APDU timeout.")
    Duration hold;

    @Option(names = "--recording", description = "Keep the server's JFR recording of the measured phase here.")
    Path recording;

    @Option(names = "--name", defaultValue = "relays", description = "Label of the result.")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    record Chip(ChipImage image, AccessKey key) {
    }

    /** The chips the readers relay, taken in turn, and where each session's relay is. */
    record Chips(List<Chip> all, String wsBase) {
        Chip get(int i) {
            return all.get(i % all.size());
        }

        URI url(String sessionId) {
            return URI.create(wsBase + "/v1/sessions/" + sessionId + "/chip");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerProbe probe = serverPid == null ? null : new ServerProbe(serverPid);
        RelayClient relay = new RelayClient(HttpClient.newHttpClient(), new ObjectMapper());
        try (Proofdesk proofdesk = Proofdesk.builder().apiKey(apiKey).baseUrl(baseUrl).build()) {
            String flow = publishedFlow(proofdesk);
            Chips chips = chips(proofdesk);
            SessionCreateParams params = SessionCreateParams.builder().flowId(flow).build();
            CpuWindow window = probe == null ? null : CpuWindow.start(probe, load, RECORDING);
            LoadRun.Result result = LoadRun.run(load.clients, load.warmup, load.duration, load.rate, client -> () -> {
                Chip chip = chips.get(client);
                Session session = proofdesk.sessions().create(params);
                RelayClient.Outcome outcome = relay.relay(chips.url(session.id()), session.clientSecret(), chip.key(),
                        ChipEmulator.builder(chip.image()).build(), RELAY_LIMIT, step -> { });
                return switch (outcome) {
                    case RelayClient.Outcome.Verdict v -> "valid".equals(v.status()) ? null : "verdict " + v.status();
                    case RelayClient.Outcome.Refused r -> r.code();
                };
            });
            Report.print(out, name + " (create a session + relay the chip: " + chipAuthentication + ", "
                    + accessControl + ", " + algorithm + ")", result);
            if (window != null) {
                Path file = recording != null ? recording : Files.createTempFile("relay-bench", ".jfr");
                window.finish(file).print(out, result.succeeded());
                if (recording == null) {
                    Files.deleteIfExists(file);
                }
            } else {
                out.println("  server CPU and heap: not measured (give --server-pid)");
            }
            if (probe != null && openRelays > 0) {
                HeldRelays.Result held = HeldRelays.measure(proofdesk, flow, relay, chips, openRelays, hold, probe);
                held.print(out, name);
            }
            out.flush();
            return result.failed() == 0 ? 0 : 1;
        }
    }

    private String publishedFlow(Proofdesk proofdesk) {
        String id = proofdesk.flows().create(FlowParams.builder().name("Relay load").product(Product.PRE_KYC)
                .rules(FlowDefinition.Rules.builder().minimumAge(18)
                        .requireChipAuthentication(!"none".equals(chipAuthentication)).build())
                .disclosures(FlowDefinition.Disclosures.builder().nationality(true).build())
                .build()).id();
        proofdesk.flows().publish(id);
        return id;
    }

    /** Mock passports through the API, then their chip images from the server's test store. */
    private Chips chips(Proofdesk proofdesk) {
        List<MockPassport> created = new ArrayList<>();
        for (int i = 0; i < passports; i++) {
            created.add(proofdesk.testHelpers().mockPassports().create(MockPassportCreateParams.builder()
                    .nationality("FRA").age(30).signatureAlgorithm(algorithm).chipAuthentication(chipAuthentication)
                    .accessControl(accessControl).build()));
        }
        List<Chip> chips = new ArrayList<>();
        var config = new ConfigLoader(System.getenv()).load(null, dataDir, databaseUrl);
        try (Application app = Application.open(config, Clock.systemUTC())) {
            String account = app.apiKeys().authenticate(apiKey).accountId();
            for (MockPassport p : created) {
                byte[] image = app.mockPassports().chipImage(account, p.id()).orElseThrow(() ->
                        new IllegalStateException("mock passport " + p.id() + " has no chip image in " + dataDir));
                chips.add(new Chip(ChipImage.fromBytes(image), accessKey(p)));
            }
        }
        return new Chips(chips, baseUrl.replaceAll("/$", "").replaceFirst("^http", "ws"));
    }

    /** As the test helper does: PACE-only chips open with the card access number, the others with the MRZ. */
    private static AccessKey accessKey(MockPassport p) {
        if ("pace".equals(p.accessControl()) && p.can() != null) {
            return new AccessKey.Can(p.can());
        }
        return new AccessKey.Mrz(p.documentNumber(), p.dateOfBirth().format(MRZ_DATE), p.expiryDate().format(MRZ_DATE));
    }
}
