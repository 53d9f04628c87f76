package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.sanctions.SanctionsList;
import dev.proofdesk.passport.sanctions.SanctionsMatch;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Screening one document (a miss, the common case: every look-up is made) against ~18,000 names. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScreeningBenchmark {
    private SanctionsList list;
    private Document document;

    @Setup
    public void setUp() {
        list = Fixtures.sanctions(6_000);
        document = new Document(DocumentType.PASSPORT, "UTO", "UTO", "MÜLLER-LÜDENSCHEIDT", "ANNA MARIA",
                "L898902C3", LocalDate.of(1974, 8, 12), LocalDate.of(2030, 1, 1), Gender.FEMALE);
    }

    @Benchmark
    public Optional<SanctionsMatch> screen() {
        return list.screen(document);
    }
}
