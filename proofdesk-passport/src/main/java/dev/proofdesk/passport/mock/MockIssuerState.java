package dev.proofdesk.passport.mock;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The mock issuer's keys and certificates, as bytes the server encrypts at rest and hands back
 * at the next start: PKCS#8 private keys and DER certificates in one versioned DER sequence.
 */
public record MockIssuerState(KeyAndCertificate csca, Map<SignatureAlgorithm, KeyAndCertificate> documentSigners) {

    private static final int VERSION = 1;

    /** @param privateKeyPkcs8 PKCS#8 private key, @param certificateDer X.509 certificate, DER */
    public record KeyAndCertificate(byte[] privateKeyPkcs8, byte[] certificateDer) {
        public KeyAndCertificate {
            Objects.requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
            Objects.requireNonNull(certificateDer, "certificateDer");
        }
    }

    public MockIssuerState {
        Objects.requireNonNull(csca, "csca");
        documentSigners = Map.copyOf(documentSigners);
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            if (!documentSigners.containsKey(a)) {
                throw new IllegalArgumentException("mock issuer state lacks a document signer for " + a);
            }
        }
    }

    public byte[] toBytes() {
        ASN1EncodableVector signers = new ASN1EncodableVector();
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            KeyAndCertificate kc = documentSigners.get(alg);
            signers.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new DERUTF8String(alg.name()),
                new DEROctetString(kc.privateKeyPkcs8()),
                new DEROctetString(kc.certificateDer())}));
        }
        ASN1EncodableVector all = new ASN1EncodableVector();
        all.add(new ASN1Integer(VERSION));
        all.add(new DEROctetString(csca.privateKeyPkcs8()));
        all.add(new DEROctetString(csca.certificateDer()));
        all.add(new DERSequence(signers));
        try {
            return new DERSequence(all).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    public static MockIssuerState fromBytes(byte[] bytes) {
        try {
            ASN1Sequence all = ASN1Sequence.getInstance(bytes);
            int version = ASN1Integer.getInstance(all.getObjectAt(0)).intValueExact();
            if (version != VERSION) {
                throw new IllegalArgumentException("mock issuer state version " + version + " is not supported");
            }
            KeyAndCertificate csca = new KeyAndCertificate(octets(all, 1), octets(all, 2));
            Map<SignatureAlgorithm, KeyAndCertificate> signers = new EnumMap<>(SignatureAlgorithm.class);
            for (var element : ASN1Sequence.getInstance(all.getObjectAt(3))) {
                ASN1Sequence s = ASN1Sequence.getInstance(element);
                signers.put(SignatureAlgorithm.valueOf(DERUTF8String.getInstance(s.getObjectAt(0)).getString()),
                        new KeyAndCertificate(octets(s, 1), octets(s, 2)));
            }
            return new MockIssuerState(csca, signers);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a mock issuer state: " + e.getMessage(), e);
        }
    }

    private static byte[] octets(ASN1Sequence s, int i) {
        return ASN1OctetString.getInstance(s.getObjectAt(i)).getOctets();
    }
}
