package dev.proofdesk.passport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, verification returns a result and never throws; changed chip data is
 * never valid unless the change is a non-canonical encoding of the very same values.
 */
class MalformedInputTest {
    static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    final MockDocument genuine = TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1980, 1, 1), SignatureAlgorithm.ECDSA_P256));
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    @Property(tries = 400, seed = "20260301")
    void mutatedChipDataNeverPassesAndNeverThrows(@ForAll("mutations") Mutation m) {
        byte[] dg1 = genuine.dg1().clone();
        byte[] sod = genuine.sod().clone();
        byte[] target = m.inSod() ? sod : dg1;
        int at = m.position() % target.length;
        target[at] = (byte) (target[at] ^ m.mask());
        if (m.truncate() > 0) {
            int len = Math.max(0, target.length - m.truncate());
            if (m.inSod()) {
                sod = java.util.Arrays.copyOf(sod, len);
            } else {
                dg1 = java.util.Arrays.copyOf(dg1, len);
            }
        }
        byte[] sig = ChipSigner.sign(genuine.chipKeyPkcs8(), CHALLENGE);
        VerificationResult r = verifier.verify(new DocumentProof(dg1, sod, genuine.dg15(), sig), CHALLENGE, Rules.defaults());
        if (r.valid()) {
            // BER leniency (a BOOLEAN of FE, a PrintableString tagged as another string type) can
            // leave the value the same; such a mutation must decode to exactly the genuine DER.
            assertThat(m.inSod()).as("a changed DG1 is never valid").isTrue();
            assertThat(der(sod)).isEqualTo(der(genuine.sod()));
        }
    }

    private static byte[] der(byte[] ber) {
        try {
            return org.bouncycastle.asn1.ASN1Primitive.fromByteArray(ber).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 300, seed = "20260301")
    void randomBytesAreErrors(@ForAll("blobs") byte[] dg1, @ForAll("blobs") byte[] sod, @ForAll("blobs") byte[] dg15,
                              @ForAll("blobs") byte[] sig) {
        VerificationResult r = verifier.verify(new DocumentProof(dg1, sod, dg15, sig), CHALLENGE, Rules.defaults());
        assertThat(r.outcome()).isInstanceOf(Outcome.Error.class);
        assertThat(r.checks()).containsExactly(new Check(CheckName.DOCUMENT_PARSED, false, FailureCode.DOCUMENT_MALFORMED));
    }

    @Property(tries = 20, seed = "20260301")
    void oversizedInputIsRefusedCheaply(@ForAll("sizes") int size) {
        byte[] big = new byte[size];
        big[0] = 0x77;
        VerificationResult r = verifier.verify(new DocumentProof(genuine.dg1(), big, genuine.dg15(), new byte[64]),
                CHALLENGE, Rules.defaults());
        assertThat(r.outcome()).isInstanceOf(Outcome.Error.class);
    }

    record Mutation(boolean inSod, int position, byte mask, int truncate) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 4000),
                Arbitraries.bytes().filter(b -> b != 0), Arbitraries.integers().between(0, 3).map(t -> t == 3 ? 7 : 0))
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<byte[]> blobs() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(64 * 1024 + 1, 4 * 1024 * 1024);
    }
}
