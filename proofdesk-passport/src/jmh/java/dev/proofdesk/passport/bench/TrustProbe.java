package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.DocumentProof;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.fixtures.MasterListFixture;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.pki.MasterList;
import dev.proofdesk.passport.pki.TrustAnchor;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * CPU and wall time of the trust-anchor work, in process (the database's part is measured by
 * {@code bench/trust.sh}): reading and verifying a master list of 520 CSCAs as {@code trust
 * import} does, and the first verification after loading 1,500 anchors from their DER, as a
 * server does after starting or after an import. Each figure is the median of several fresh runs.
 * Run: {@code java -cp proofdesk-passport/target/benchmarks.jar dev.proofdesk.passport.bench.TrustProbe}
 */
public final class TrustProbe {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int RUNS = 7;

    private TrustProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        MasterListFixture.Generated icao = MasterListFixture.generate(520, 2026);
        MasterListFixture.Generated large = MasterListFixture.generate(1_500, 1500);
        System.out.printf("fixtures generated in %.1f s (not measured)%n", (System.nanoTime() - start) / 1e9);

        report("read and verify a 520-CSCA master list", () -> MasterList.parse(icao.encoded()));
        report("  + the anchors and countries it adds", () -> TrustAnchors.empty()
                .withMasterList(MasterList.parse(icao.encoded())).countries());

        List<byte[]> ders = large.cscas().stream().map(c -> der(c.certificate())).toList();
        try (MockIssuer issuer = MockIssuer.create(Fixtures.CLOCK)) {
            MockDocument doc = issuer.issue(MockDocumentSpec.passport(LocalDate.of(1985, 4, 2), SignatureAlgorithm.RSA_2048));
            DocumentProof proof = new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(),
                    ChipSigner.sign(doc.chipKeyPkcs8(), Fixtures.CHALLENGE));
            Rules rules = Rules.defaults().withMinimumAge(18);
            SanctionsList sanctions = SanctionsList.empty();
            report("load 1,500 anchors from DER", () -> load(issuer, ders));
            report("load 1,500 anchors + first verification", () -> {
                DocumentVerifier verifier = new DocumentVerifier(load(issuer, ders), List.of(), sanctions, Fixtures.CLOCK);
                if (!verifier.verify(proof, Fixtures.CHALLENGE, rules).valid()) {
                    throw new IllegalStateException("the probe's document does not verify");
                }
                return verifier;
            });
        }
    }

    private static TrustAnchors load(MockIssuer issuer, List<byte[]> ders) {
        List<TrustAnchor> anchors = new ArrayList<>(issuer.trustAnchors().anchors());
        for (byte[] der : ders) {
            try {
                anchors.add(new TrustAnchor(new X509CertificateHolder(der), false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return TrustAnchors.of(anchors, issuer.trustAnchors().crls());
    }

    private static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String name, Supplier<?> work) {
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            work.get();
            cpu[i] = CPU.getCurrentThreadCpuTime() - cpuStart;
            wall[i] = System.nanoTime() - wallStart;
        }
        // The first run is the cold one a freshly started process pays; the median is warm.
        long firstCpu = cpu[0];
        long firstWall = wall[0];
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("%-42s first: CPU %8.1f ms wall %8.1f ms   median: CPU %8.1f ms wall %8.1f ms%n", name,
                firstCpu / 1e6, firstWall / 1e6, cpu[RUNS / 2] / 1e6, wall[RUNS / 2] / 1e6);
    }
}
