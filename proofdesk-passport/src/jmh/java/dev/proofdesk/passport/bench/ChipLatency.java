package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.passport.chip.ChipRead;
import dev.proofdesk.passport.chip.ChipTerminal;
import dev.proofdesk.passport.chip.ReadProgress;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.passport.emulator.ChipEmulator.ExtendedLength;
import dev.proofdesk.passport.mock.ChipAccess;
import dev.proofdesk.passport.mock.ChipAuthentication;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * APDUs per chip read and time from the first APDU to a verdict ({@link ChipTerminal} read plus
 * {@link DocumentVerifier}) for each emulator profile, with the emulator waiting a fixed round
 * trip before each answer, as a holder's phone and network would. Prints markdown tables.
 *
 * <p>The emulated chip runs in the measuring thread, so at 0 ms the total includes the chip's own
 * cryptography (PACE, Chip and Active Authentication on the card side); the column "terminal"
 * subtracts the time spent inside the chip and is the server's share.
 *
 * <p>Run: {@code java -cp proofdesk-passport/target/benchmarks.jar dev.proofdesk.passport.bench.ChipLatency
 * [--delays 0,50,100,200] [--runs 20] [--delayed-runs 3]}
 */
public final class ChipLatency {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final ChipTerminal EXTENDED_TERMINAL = new ChipTerminal(true);
    private static final ChipTerminal SHORT_TERMINAL = new ChipTerminal(false);
    private static final Logger QUIET = Logger.getLogger("org.jmrtd");

    /** The profiles of the emulator, as the chip tests name them. */
    enum Profile {
        AA_RSA("AA-RSA", SignatureAlgorithm.RSA_2048, ChipAuthentication.ACTIVE, ChipAccess.BOTH),
        AA_ECDSA("AA-ECDSA", SignatureAlgorithm.ECDSA_P256, ChipAuthentication.ACTIVE, ChipAccess.BOTH),
        CA_ONLY("CA only", SignatureAlgorithm.RSA_PSS, ChipAuthentication.CHIP, ChipAccess.BOTH),
        NONE("none", SignatureAlgorithm.RSA_2048, ChipAuthentication.NONE, ChipAccess.BAC),
        BAC_ONLY("BAC only", SignatureAlgorithm.ECDSA_P256, ChipAuthentication.ACTIVE, ChipAccess.BAC),
        PACE_ONLY("PACE only", SignatureAlgorithm.ECDSA_P256, ChipAuthentication.CHIP, ChipAccess.PACE);

        final String label;
        final SignatureAlgorithm alg;
        final ChipAuthentication proof;
        final ChipAccess access;

        Profile(String label, SignatureAlgorithm alg, ChipAuthentication proof, ChipAccess access) {
            this.label = label;
            this.alg = alg;
            this.proof = proof;
            this.access = access;
        }
    }

    /** How the terminal and the chip agree on APDU lengths. */
    enum Mode {
        EXTENDED("extended length", true, ExtendedLength.SUPPORTED),
        SHORT("short only", false, ExtendedLength.REFUSED),
        FALLBACK("extended refused (6700), then short", true, ExtendedLength.REFUSED);

        final String label;
        final boolean terminalExtended;
        final ExtendedLength chip;

        Mode(String label, boolean terminalExtended, ExtendedLength chip) {
            this.label = label;
            this.terminalExtended = terminalExtended;
            this.chip = chip;
        }
    }

    /** One timed read: wall time to the verdict and the part of it spent inside the chip (its round trips included). */
    private record Timing(long totalNanos, long chipNanos, int apdus, VerificationResult result) {
    }

    private ChipLatency() {
    }

    public static void main(String[] args) {
        List<Integer> delays = List.of(0, 50, 100, 200);
        int runs = 20;
        int delayedRuns = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--delays" -> delays = Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--delayed-runs" -> delayedRuns = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --delays 0,50,100,200 --runs N --delayed-runs N");
            }
        }
        // JMRTD logs each extended READ BINARY a chip refuses; here that is the case being measured.
        QUIET.setLevel(Level.OFF);
        Clock clock = Clock.systemUTC();
        try (MockIssuer issuer = MockIssuer.create(clock)) {
            DocumentVerifier verifier = new DocumentVerifier(issuer.trustAnchors(), List.of(), Fixtures.sanctions(6_000), clock);
            List<String> counts = new ArrayList<>();
            List<String> times = new ArrayList<>();
            for (Profile profile : Profile.values()) {
                MockDocument doc = issuer.issue(MockDocumentSpec.passport(LocalDate.of(1988, 7, 9), profile.alg)
                        .withChipAuthentication(profile.proof).withAccessControl(profile.access));
                Rules rules = Rules.defaults().withRequireChipAuthentication(profile.proof != ChipAuthentication.NONE);
                int[] apdus = new int[Mode.values().length];
                String verdict = "";
                for (Mode mode : Mode.values()) {
                    Timing first = read(verifier, doc, profile, mode, rules, 0);
                    apdus[mode.ordinal()] = first.apdus();
                    verdict = describe(first.result());
                    if (mode == Mode.FALLBACK) {
                        continue;
                    }
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d |",
                            profile.label, mode.label, first.apdus()));
                    for (int delay : delays) {
                        row.append(' ').append(median(verifier, doc, profile, mode, rules, delay,
                                delay == 0 ? runs : delayedRuns)).append(" |");
                    }
                    times.add(row.toString());
                }
                counts.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d |", profile.label,
                        profile.access.name(), profile.proof.name(), verdict, apdus[Mode.EXTENDED.ordinal()],
                        apdus[Mode.SHORT.ordinal()], apdus[Mode.FALLBACK.ordinal()]));
                System.err.printf("%s done%n", profile.label);
            }
            print(counts, times, delays, runs, delayedRuns);
        }
    }

    private static void print(List<String> counts, List<String> times, List<Integer> delays, int runs, int delayedRuns) {
        System.out.println("### APDUs per read");
        System.out.println();
        System.out.println("Access with the MRZ (the CAN for PACE only); flow rules: the defaults, with "
                + "requireChipAuthentication off for the chip without a proof (none).");
        System.out.println();
        System.out.println("| profile | access control | chip proof | verdict | extended length | short only "
                + "| extended refused (6700), then short |");
        System.out.println("|---|---|---|---|---|---|---|");
        counts.forEach(System.out::println);
        System.out.println();
        System.out.printf(Locale.ROOT, "### Time from the first APDU to a verdict (median of %d runs at 0 ms, "
                + "%d with a round trip; in brackets the terminal and verifier alone, without the emulated chip)%n%n", runs, delayedRuns);
        StringBuilder header = new StringBuilder("| profile | APDU length | APDUs |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (int delay : delays) {
            header.append(delay == 0 ? " 0 ms: total (terminal) |" : " " + delay + " ms |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        times.forEach(System.out::println);
    }

    private static String median(DocumentVerifier verifier, MockDocument doc, Profile profile, Mode mode, Rules rules,
                                 int delay, int runs) {
        // Warm-up without a round trip: the JIT needs reads, not waiting.
        for (int i = 0; i < (delay == 0 ? runs : 1); i++) {
            read(verifier, doc, profile, mode, rules, 0);
        }
        Timing[] all = new Timing[runs];
        for (int i = 0; i < runs; i++) {
            all[i] = read(verifier, doc, profile, mode, rules, delay);
        }
        Arrays.sort(all, (a, b) -> Long.compare(a.totalNanos(), b.totalNanos()));
        Timing mid = all[runs / 2];
        String total = millis(mid.totalNanos());
        return delay == 0 ? total + " (" + millis(mid.totalNanos() - mid.chipNanos()) + ")" : total;
    }

    private static Timing read(DocumentVerifier verifier, MockDocument doc, Profile profile, Mode mode, Rules rules,
                               int delayMillis) {
        ChipEmulator chip = ChipEmulator.builder(doc.image()).extendedLength(mode.chip)
                .delayPerApdu(Duration.ofMillis(delayMillis)).build();
        long[] inChip = {0};
        ApduChannel timed = command -> {
            long start = System.nanoTime();
            try {
                return chip.transmit(command);
            } finally {
                inChip[0] += System.nanoTime() - start;
            }
        };
        AccessKey key = profile.access == ChipAccess.PACE ? new AccessKey.Can(doc.can())
                : new AccessKey.Mrz(doc.document().documentNumber(), YYMMDD.format(doc.document().dateOfBirth()),
                        YYMMDD.format(doc.document().expirationDate()));
        long start = System.nanoTime();
        ChipRead read = (mode.terminalExtended ? EXTENDED_TERMINAL : SHORT_TERMINAL).read(timed, key, ReadProgress.NONE);
        VerificationResult result = verifier.verify(read, rules);
        return new Timing(System.nanoTime() - start, inChip[0], read.apduCount(), result);
    }

    private static String describe(VerificationResult r) {
        return (r.valid() ? "valid" : "invalid") + ", " + r.chipAuthentication().wireName();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }
}
