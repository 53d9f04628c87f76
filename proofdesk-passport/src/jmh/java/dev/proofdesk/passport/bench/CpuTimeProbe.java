package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentProof;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.aa.ActiveAuthentication;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.lds.Dg15;
import dev.proofdesk.passport.lds.SecurityObject;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-operation CPU time of the measuring thread, median over many runs. On a shared machine
 * wall-clock figures mostly measure the neighbours; thread CPU time measures the work itself.
 * Run: {@code java -cp proofdesk-passport/target/benchmarks.jar dev.proofdesk.passport.bench.CpuTimeProbe}
 */
public final class CpuTimeProbe {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP_FACTOR = 5;

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        SanctionsList sanctions = Fixtures.sanctions(6_000);
        Rules rules = Rules.defaults().withMinimumAge(18);
        try (MockIssuer issuer = MockIssuer.create(Fixtures.CLOCK)) {
            for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RSA_2048, SignatureAlgorithm.ECDSA_P256)) {
                MockDocument doc = issuer.issue(MockDocumentSpec.passport(LocalDate.of(1985, 4, 2), alg));
                DocumentProof proof = new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(),
                        ChipSigner.sign(doc.chipKeyPkcs8(), Fixtures.CHALLENGE));
                PassiveAuthenticator passive = new PassiveAuthenticator(issuer.trustAnchors(), List.of());
                DocumentVerifier verifier = new DocumentVerifier(issuer.trustAnchors(), List.of(), sanctions, Fixtures.CLOCK);
                double raw = medianMicros(2_000, 1, () -> passive.verify(SecurityObject.parse(proof.sod()),
                        Map.of(1, proof.dg1(), 15, proof.dg15()), Fixtures.CLOCK.instant()));
                double full = medianMicros(2_000, 1, () -> verifier.verify(proof, Fixtures.CHALLENGE, rules));
                System.out.printf("%-10s raw PA %8.1f us   full pipeline %8.1f us   ratio %.2f%n", alg, raw, full, full / raw);
                SecurityObject parsed = SecurityObject.parse(proof.sod());
                double parse = medianMicros(2_000, 1, () -> SecurityObject.parse(proof.sod()));
                double paOnly = medianMicros(2_000, 1, () -> passive.verify(parsed,
                        Map.of(1, proof.dg1(), 15, proof.dg15()), Fixtures.CLOCK.instant()));
                double aa = medianMicros(2_000, 1, () -> ActiveAuthentication.verify(Dg15.parse(proof.dg15()),
                        Fixtures.CHALLENGE, proof.activeAuthSignature()));
                System.out.printf("%-10s of which: SOD parse %6.1f us   PA of a parsed SOD %6.1f us   active authentication %6.1f us%n",
                        "", parse, paOnly, aa);
            }
            Document document = new Document(DocumentType.PASSPORT, "UTO", "UTO", "MÜLLER-LÜDENSCHEIDT", "ANNA MARIA",
                    "L898902C3", LocalDate.of(1974, 8, 12), LocalDate.of(2030, 1, 1), Gender.FEMALE);
            System.out.printf("screening  %8.2f us per document%n", medianMicros(200, 1_000, () -> sanctions.screen(document)));
            for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
                MockDocumentSpec spec = MockDocumentSpec.passport(LocalDate.of(1990, 1, 1), alg);
                System.out.printf("issue %-10s %8.3f ms median CPU%n", alg, medianMicros(1_000, 1, () -> issuer.issue(spec)) / 1000);
            }
        }
    }

    /** Warm-up first (five times the measured runs), so the optimising compiler has finished with the code. */
    private static double medianMicros(int runs, int batch, Runnable op) {
        for (int i = 0; i < WARM_UP_FACTOR * runs * batch; i++) {
            op.run();
        }
        long[] samples = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int b = 0; b < batch; b++) {
                op.run();
            }
            samples[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(samples);
        return samples[runs / 2] / 1000.0 / batch;
    }
}
