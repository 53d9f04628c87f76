package dev.proofdesk.passport.mock;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.passport.lds.Dg15;
import dev.proofdesk.passport.lds.Dg1Writer;
import dev.proofdesk.passport.lds.Mrz;
import dev.proofdesk.passport.lds.SecurityObjectWriter;
import dev.proofdesk.passport.pki.Certificates;
import dev.proofdesk.passport.pki.Keys;
import dev.proofdesk.passport.pki.TrustAnchor;
import dev.proofdesk.passport.pki.TrustAnchors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jmrtd.lds.PACEInfo;

/**
 * The test environment's document issuer: a mock CSCA (issuing state {@code UTO}) with one
 * document signer per {@link SignatureAlgorithm}. Keys are made once, by {@link #create}, and
 * carried across restarts through {@link #exportState()} / {@link #restore}. Issuing a document
 * generates no RSA key on the caller's thread. Close it to stop the key pool's thread.
 */
public final class MockIssuer implements AutoCloseable {
    /** Private certificate policy on every mock CSCA and DSC, so any verifier can tell a test document. */
    public static final String MOCK_POLICY_OID = Certificates.MOCK_POLICY_OID;
    public static final String ISSUING_STATE = "UTO";
    private static final int RSA_POOL_SIZE = 16;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final char[] ALPHANUMERIC = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".toCharArray();

    private final MockIssuerState state;
    private final X509CertificateHolder csca;
    private final Map<SignatureAlgorithm, DocumentSigner> signers = new EnumMap<>(SignatureAlgorithm.class);
    private final RsaKeyPool rsaChipKeys = new RsaKeyPool(RSA_POOL_SIZE);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private X509CRLHolder crl;

    private record DocumentSigner(PrivateKey key, X509CertificateHolder certificate) {
    }

    private MockIssuer(MockIssuerState state, Clock clock) {
        this.state = state;
        this.clock = clock;
        try {
            this.csca = new X509CertificateHolder(state.csca().certificateDer());
            state.documentSigners().forEach((alg, kc) -> signers.put(alg, new DocumentSigner(
                    jdkPrivateKey(alg, kc.privateKeyPkcs8()), holder(kc.certificateDer()))));
        } catch (IOException e) {
            throw new IllegalArgumentException("mock issuer state holds an unreadable certificate", e);
        }
    }

    /** Generates a new CSCA and document signers; slow (seconds), done once per installation. */
    public static MockIssuer create(Clock clock) {
        KeyPair cscaKey = SignatureAlgorithm.Generators.rsa(3072);
        X509CertificateHolder csca = MockCertificates.csca(cscaKey, clock.instant());
        Map<SignatureAlgorithm, MockIssuerState.KeyAndCertificate> dscs = new EnumMap<>(SignatureAlgorithm.class);
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            KeyPair key = alg.generateSignerKey();
            X509CertificateHolder cert = MockCertificates.documentSigner(alg, key, csca, cscaKey.getPrivate(), clock.instant());
            dscs.put(alg, new MockIssuerState.KeyAndCertificate(key.getPrivate().getEncoded(), encoded(cert)));
        }
        return new MockIssuer(new MockIssuerState(
                new MockIssuerState.KeyAndCertificate(cscaKey.getPrivate().getEncoded(), encoded(csca)), dscs), clock);
    }

    public static MockIssuer restore(MockIssuerState state, Clock clock) {
        return new MockIssuer(state, clock);
    }

    public MockIssuerState exportState() {
        return state;
    }

    public X509CertificateHolder cscaCertificate() {
        return csca;
    }

    public PublicKey cscaPublicKey() {
        return Keys.publicKey(csca.getSubjectPublicKeyInfo());
    }

    /** Anchors of the test environment: this mock CSCA, flagged as mock, and the CRL it publishes. */
    public TrustAnchors trustAnchors() {
        return TrustAnchors.of(List.of(new TrustAnchor(csca, true)), List.of(crl()));
    }

    /** The mock CSCA's CRL: it revokes no document signer. Signed on first use, then kept. */
    public synchronized X509CRLHolder crl() {
        if (crl == null) {
            crl = MockCertificates.crl(csca, Keys.privateKey(state.csca().privateKeyPkcs8()));
        }
        return crl;
    }

    public X509CertificateHolder documentSignerCertificate(SignatureAlgorithm alg) {
        return signers.get(alg).certificate();
    }

    public MockDocument issue(MockDocumentSpec spec) {
        return issue(spec, ChipProtocols.DEFAULT);
    }

    /** A document whose chip runs the given PACE and Chip Authentication protocols. */
    public MockDocument issue(MockDocumentSpec spec, ChipProtocols protocols) {
        LocalDate today = LocalDate.now(clock);
        LocalDate expiry = spec.expiryDate() != null ? spec.expiryDate() : today.plusYears(5);
        if (spec.defect() == Defect.EXPIRED_DOCUMENT && !expiry.isBefore(today)) {
            expiry = today.minusMonths(1);
        }
        // The MRZ keeps two-digit years: a date a reader would take for another century is refused.
        if (!Mrz.birthDateAsRead(spec.dateOfBirth(), today).equals(spec.dateOfBirth())) {
            throw new IllegalArgumentException("date of birth " + spec.dateOfBirth() + " reads back from the MRZ as "
                    + Mrz.birthDateAsRead(spec.dateOfBirth(), today));
        }
        if (!Mrz.expiryDateAsRead(expiry, today).equals(expiry)) {
            throw new IllegalArgumentException("expiry date " + expiry + " reads back from the MRZ as "
                    + Mrz.expiryDateAsRead(expiry, today));
        }
        Document document = new Document(spec.documentType(), ISSUING_STATE, spec.nationality(),
                spec.surname(), spec.givenNames(),
                spec.documentNumber() != null ? spec.documentNumber() : randomDocumentNumber(),
                spec.dateOfBirth(), expiry, spec.gender());
        byte[] dg1 = Dg1Writer.write(document);
        ChipAuthentication proof = spec.chipAuthentication();
        KeyPair aaKey = proof == ChipAuthentication.ACTIVE ? chipKey(spec.signatureAlgorithm()) : null;
        if (protocols.pace().chipAuthenticationMapping() && (proof != ChipAuthentication.CHIP || !spec.accessControl().pace())) {
            throw new IllegalArgumentException("PACE-CAM needs a chip with PACE and Chip Authentication");
        }
        KeyPair caKey = proof == ChipAuthentication.CHIP ? chipAuthenticationKey(protocols) : null;
        // A cloned chip: data groups copied from a genuine document, but the chip holds other keys.
        boolean cloned = spec.defect() == Defect.CLONED_CHIP;
        KeyPair aaAnswering = aaKey == null || !cloned ? aaKey : otherKey(aaKey, spec.signatureAlgorithm());
        KeyPair caAnswering = caKey == null || !cloned ? caKey : chipAuthenticationKey(protocols);
        byte[] dg14 = proof == ChipAuthentication.NONE ? null
                : ChipFiles.dg14(aaKey == null ? null : aaKey.getPublic(), caKey == null ? null : caKey.getPublic(),
                        protocols.chipAuthentication());
        byte[] dg15 = aaKey == null ? null : Dg15.encode(aaKey.getPublic());

        // Tampering: the SOD vouches for the holder as issued (ten years younger); DG1 was edited after.
        byte[] signedDg1 = spec.defect() == Defect.TAMPERED_DATA ? Dg1Writer.write(youngerTwin(document)) : dg1;
        Map<Integer, byte[]> hashes = new TreeMap<>();
        hashes.put(1, SecurityObjectWriter.sha256(signedDg1));
        if (dg14 != null) {
            hashes.put(14, SecurityObjectWriter.sha256(dg14));
        }
        if (dg15 != null) {
            hashes.put(15, SecurityObjectWriter.sha256(dg15));
        }
        byte[] dg2 = hashes.size() < 2 ? ChipFiles.placeholderDg2() : null;
        if (dg2 != null) {
            hashes.put(2, SecurityObjectWriter.sha256(dg2));
        }
        DocumentSigner signer = signers.get(spec.signatureAlgorithm());
        var contentSigner = MockCertificates.documentSigner(spec.signatureAlgorithm(), signer.key());
        if (spec.defect() == Defect.BAD_SIGNATURE) {
            contentSigner = new CorruptingSigner(contentSigner);
        }
        byte[] sod = SecurityObjectWriter.write(hashes, contentSigner, signer.certificate(), clock.instant());
        byte[] aaPkcs8 = aaAnswering == null ? null : aaAnswering.getPrivate().getEncoded();
        byte[] caPkcs8 = caAnswering == null ? null : caAnswering.getPrivate().getEncoded();
        byte[] cardSecurity = !protocols.pace().chipAuthenticationMapping() ? null : SecurityObjectWriter.writeCardSecurity(
                ChipFiles.cardSecurityInfos(protocols, caKey.getPublic()),
                MockCertificates.documentSigner(spec.signatureAlgorithm(), signer.key()), signer.certificate(), clock.instant());
        ChipImage image = image(spec.accessControl(), protocols, document, dg1, dg2, dg14, dg15, sod, cardSecurity,
                aaPkcs8, caPkcs8);
        return new MockDocument(document, dg1, dg14, dg15, sod, aaPkcs8, image);
    }

    private ChipImage image(ChipAccess access, ChipProtocols protocols, Document document, byte[] dg1, byte[] dg2,
                            byte[] dg14, byte[] dg15, byte[] sod, byte[] cardSecurity, byte[] aaPkcs8, byte[] caPkcs8) {
        Map<Integer, byte[]> files = new TreeMap<>();
        files.put(ChipImage.EF_COM, ChipFiles.com(dg2 != null, dg14 != null, dg15 != null));
        files.put(ChipImage.EF_SOD, sod);
        files.put(ChipImage.dataGroupFid(1), dg1);
        if (dg2 != null) {
            files.put(ChipImage.dataGroupFid(2), dg2);
        }
        if (dg14 != null) {
            files.put(ChipImage.dataGroupFid(14), dg14);
        }
        if (dg15 != null) {
            files.put(ChipImage.dataGroupFid(15), dg15);
        }
        if (access.pace()) {
            files.put(ChipImage.EF_CARD_ACCESS, ChipFiles.cardAccess(protocols.pace()));
        }
        if (cardSecurity != null) {
            files.put(ChipImage.EF_CARD_SECURITY, cardSecurity);
        }
        String can = String.format("%06d", random.nextInt(1_000_000));
        return new ChipImage(access.bac(), access.pace(), document.documentNumber(),
                YYMMDD.format(document.dateOfBirth()), YYMMDD.format(document.expirationDate()), can, files,
                aaPkcs8, caPkcs8, -1);
    }

    /** PACE-CAM proves the key on PACE's own curve; otherwise P-256, or the DH group for DH. */
    private static KeyPair chipAuthenticationKey(ChipProtocols protocols) {
        if (protocols.pace().chipAuthenticationMapping()) {
            return SignatureAlgorithm.Generators.onPaceParameters("EC", PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1);
        }
        return protocols.chipAuthentication().diffieHellman()
                ? SignatureAlgorithm.Generators.onPaceParameters("DH", PACEInfo.PARAM_ID_GFP_1024_160)
                : SignatureAlgorithm.Generators.p256();
    }

    private KeyPair chipKey(SignatureAlgorithm alg) {
        return alg.rsa() ? rsaChipKeys.take() : SignatureAlgorithm.Generators.p256();
    }

    /** The pool may hand out a key twice; a clone must never hold the genuine key. */
    private KeyPair otherKey(KeyPair genuine, SignatureAlgorithm alg) {
        KeyPair other = chipKey(alg);
        return other == genuine ? SignatureAlgorithm.Generators.p256() : other;
    }

    private static Document youngerTwin(Document d) {
        return new Document(d.documentType(), d.issuingState(), d.nationality(), d.surname(), d.givenNames(),
                d.documentNumber(), d.dateOfBirth().plusYears(10), d.expirationDate(), d.gender());
    }

    private String randomDocumentNumber() {
        char[] out = new char[9];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }

    private static PrivateKey jdkPrivateKey(SignatureAlgorithm alg, byte[] pkcs8) {
        try {
            return java.security.KeyFactory.getInstance(alg.rsa() ? "RSA" : "EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("mock issuer state holds an unreadable " + alg + " key", e);
        }
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable certificate in mock issuer state", e);
        }
    }

    private static byte[] encoded(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        rsaChipKeys.close();
    }

}
