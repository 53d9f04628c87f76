package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.TearDown;

/** Issuing one mock document; sampled so the median and tail can be read, not just the mean. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MockIssueBenchmark {
    @Param({"RSA_2048", "RSA_PSS", "ECDSA_P256"})
    public SignatureAlgorithm algorithm;

    private MockIssuer issuer;
    private MockDocumentSpec spec;

    @Setup(Level.Trial)
    public void setUp() {
        issuer = MockIssuer.create(Fixtures.CLOCK);
        spec = MockDocumentSpec.passport(LocalDate.of(1990, 1, 1), algorithm);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        issuer.close();
    }

    @Benchmark
    public MockDocument issue() {
        return issuer.issue(spec);
    }
}
