package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.DocumentProof;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.lds.SecurityObject;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.pki.PassiveAuthenticationResult;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw passive authentication (parse SOD, verify its signature, the DSC chain and the hashes)
 * against the whole pipeline (parse DG1/SOD/DG15, passive and active authentication, every
 * rule, screening against ~18,000 names), on the same document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerificationBenchmark {
    @Param({"RSA_2048", "ECDSA_P256"})
    public SignatureAlgorithm algorithm;

    private MockIssuer issuer;
    private PassiveAuthenticator passive;
    private DocumentVerifier verifier;
    private DocumentProof proof;
    private Rules rules;

    @Setup(Level.Trial)
    public void setUp() {
        issuer = MockIssuer.create(Fixtures.CLOCK);
        MockDocument doc = issuer.issue(MockDocumentSpec.passport(LocalDate.of(1985, 4, 2), algorithm));
        proof = new DocumentProof(doc.dg1(), doc.sod(), doc.dg15(), ChipSigner.sign(doc.chipKeyPkcs8(), Fixtures.CHALLENGE));
        passive = new PassiveAuthenticator(issuer.trustAnchors(), List.of());
        verifier = new DocumentVerifier(issuer.trustAnchors(), List.of(), Fixtures.sanctions(6_000), Fixtures.CLOCK);
        rules = Rules.defaults().withMinimumAge(18);
        if (!verifier.verify(proof, Fixtures.CHALLENGE, rules).valid()) {
            throw new IllegalStateException("benchmark document does not verify");
        }
        // Stops the issuer's background RSA key generation, which would otherwise share the CPU.
        issuer.close();
    }

    @Benchmark
    public PassiveAuthenticationResult rawPassiveAuthentication() {
        SecurityObject sod = SecurityObject.parse(proof.sod());
        return passive.verify(sod, Map.of(1, proof.dg1(), 15, proof.dg15()), Fixtures.CLOCK.instant());
    }

    @Benchmark
    public VerificationResult fullPipeline() {
        return verifier.verify(proof, Fixtures.CHALLENGE, rules);
    }
}
