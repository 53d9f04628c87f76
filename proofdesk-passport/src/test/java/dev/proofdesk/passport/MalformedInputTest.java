package dev.proofdesk.passport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes arrive, verification returns a result and never throws; changed chip data is
 * never valid unless the change is a non-canonical encoding of the very same values. Inputs are
 * generated from a fixed seed, so every run tries the same cases and a failure reproduces.
 */
class MalformedInputTest {
    static final long SEED = 20260301L;
    static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    final MockDocument genuine = TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1980, 1, 1), SignatureAlgorithm.ECDSA_P256));
    final DocumentVerifier verifier = new DocumentVerifier(TestPki.issuer().trustAnchors(), List.of(),
            SanctionsList.testEnvironment(), TestPki.CLOCK);

    @Test
    void mutatedChipDataNeverPassesAndNeverThrows() {
        Random random = new Random(SEED);
        byte[] sig = ChipSigner.sign(genuine.chipKeyPkcs8(), CHALLENGE);
        for (int i = 0; i < 400; i++) {
            boolean inSod = random.nextBoolean();
            byte[] dg1 = genuine.dg1().clone();
            byte[] sod = genuine.sod().clone();
            byte[] target = inSod ? sod : dg1;
            int at = random.nextInt(target.length);
            byte mask = (byte) (1 + random.nextInt(255));
            target[at] = (byte) (target[at] ^ mask);
            if (random.nextInt(4) == 3) {
                int len = Math.max(0, target.length - 7);
                if (inSod) {
                    sod = Arrays.copyOf(sod, len);
                } else {
                    dg1 = Arrays.copyOf(dg1, len);
                }
            }
            String trial = "trial " + i + " (seed " + SEED + "): " + (inSod ? "SOD" : "DG1") + " byte " + at;
            VerificationResult r = verifier.verify(new DocumentProof(dg1, sod, genuine.dg15(), sig), CHALLENGE, Rules.defaults());
            if (r.valid()) {
                assertThat(inSod).as(trial + ": a changed DG1 is never valid").isTrue();
                assertThat(sameSignedValues(sod, genuine.sod())).as(trial + ": a valid SOD says what the genuine one says")
                        .isTrue();
            }
        }
    }

    /**
     * What a mutation may change and still verify: BER leniency (a BOOLEAN of FE, a string type
     * tagged as another) that decodes to the same DER, or the unsigned signer identifier when it still
     * names the same certificate under RFC 5280 name matching (which ignores case).
     */
    private static boolean sameSignedValues(byte[] mutated, byte[] original) {
        if (Arrays.equals(der(mutated), der(original))) {
            return true;
        }
        var a = dev.proofdesk.passport.lds.SecurityObject.parse(mutated);
        var b = dev.proofdesk.passport.lds.SecurityObject.parse(original);
        try {
            return Arrays.equals(a.signer().getEncodedSignedAttributes(), b.signer().getEncodedSignedAttributes())
                    && Arrays.equals(a.signer().getSignature(), b.signer().getSignature())
                    && Arrays.equals(a.documentSigner().getEncoded(), b.documentSigner().getEncoded())
                    && a.signer().getSID().match(b.documentSigner())
                    && a.hashes().keySet().equals(b.hashes().keySet())
                    && a.hashes().keySet().stream().allMatch(k -> Arrays.equals(a.hashes().get(k), b.hashes().get(k)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] der(byte[] ber) {
        try {
            return org.bouncycastle.asn1.ASN1Primitive.fromByteArray(ber).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void randomBytesAreErrors() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            byte[] dg1 = blob(random);
            byte[] sod = blob(random);
            byte[] dg15 = blob(random);
            byte[] sig = blob(random);
            VerificationResult r = verifier.verify(new DocumentProof(dg1, sod, dg15, sig), CHALLENGE, Rules.defaults());
            assertThat(r.outcome()).as("trial " + i).isInstanceOf(Outcome.Error.class);
            assertThat(r.checks()).containsExactly(new Check(CheckName.DOCUMENT_PARSED, false, FailureCode.DOCUMENT_MALFORMED));
        }
    }

    @Test
    void emptyAndMissingFilesAreErrors() {
        for (byte[] empty : new byte[][]{null, new byte[0]}) {
            VerificationResult r = verifier.verify(new DocumentProof(empty, empty, empty, empty), CHALLENGE, Rules.defaults());
            assertThat(r.outcome()).isInstanceOf(Outcome.Error.class);
        }
    }

    @Test
    void oversizedInputIsRefusedCheaply() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            byte[] big = new byte[64 * 1024 + 1 + random.nextInt(4 * 1024 * 1024)];
            big[0] = 0x77;
            VerificationResult r = verifier.verify(new DocumentProof(genuine.dg1(), big, genuine.dg15(), new byte[64]),
                    CHALLENGE, Rules.defaults());
            assertThat(r.outcome()).isInstanceOf(Outcome.Error.class);
        }
    }

    /** Random lengths from 0 to 300, with the short and empty edge cases over-represented. */
    private static byte[] blob(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(301);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
