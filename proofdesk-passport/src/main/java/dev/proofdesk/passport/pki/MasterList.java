package dev.proofdesk.passport.pki;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * A CSCA master list (ICAO 9303 part 12 §9): CMS SignedData whose content is a
 * {@code CscaMasterList}, signed by a master-list signer whose certificate travels inside. A
 * verified signature only proves the list is intact: anyone can sign a list with a certificate
 * of their own, so who signed it is for the importer to judge ({@link #signer()}, {@link #signerIssuer()}).
 *
 * @param signer the master-list signer certificate that verified the list
 * @param signerIssuedByListedCsca whether one of the listed CSCAs issued the signer (true for
 *     national lists such as Germany's; operators may want to see it before trusting a list)
 * @param signerIssuer the certificate in the file (listed, or carried by the CMS) whose key signed
 *     the signer certificate; the signer itself when self-signed; null when the file has none
 */
public record MasterList(List<X509CertificateHolder> certificates, X509CertificateHolder signer,
                         boolean signerIssuedByListedCsca, X509CertificateHolder signerIssuer) {

    /** id-icao-cscaMasterList, 2.23.136.1.1.2. */
    static final ASN1ObjectIdentifier CONTENT_TYPE = new ASN1ObjectIdentifier("2.23.136.1.1.2");

    public MasterList {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(signer, "signer");
    }

    /** Whether {@code csca}'s key signed the signer certificate. */
    public boolean signerIssuedBy(X509CertificateHolder csca) {
        try {
            return TrustAnchors.signedBy(signer, Keys.verifierProvider(Keys.publicKey(csca.getSubjectPublicKeyInfo())));
        } catch (RuntimeException unusableKey) {
            return false;
        }
    }

    /** Alpha-2 countries of the listed CSCAs. */
    public Set<String> countries() {
        Set<String> out = new TreeSet<>();
        certificates.forEach(c -> out.add(Certificates.country(c)));
        out.remove("");
        return out;
    }

    /** Countries this list would add to {@code current}. */
    public Set<String> countriesAddedTo(TrustAnchors current) {
        Set<String> out = countries();
        out.removeAll(current.countries());
        return out;
    }

    /** Parses and verifies; a list whose signature does not verify is refused, never half-read. */
    public static MasterList parse(byte[] cms) {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            if (!CONTENT_TYPE.getId().equals(signed.getSignedContentTypeOID())) {
                throw new IllegalArgumentException("not a CSCA master list (content type " + signed.getSignedContentTypeOID() + ")");
            }
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new IllegalArgumentException("a master list has exactly one signer, found " + signers.size());
            }
            SignerInformation signerInfo = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signerInfo.getSID());
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("the master list does not carry its signer certificate");
            }
            X509CertificateHolder signer = matches.iterator().next();
            boolean valid = signerInfo.verify(Keys.signerInfoVerifier(
                    Keys.verifierProvider(Keys.publicKey(signer.getSubjectPublicKeyInfo()))));
            if (!valid) {
                throw new IllegalArgumentException("the master list signature does not verify");
            }
            byte[] content = (byte[]) signed.getSignedContent().getContent();
            CscaMasterList list = CscaMasterList.getInstance(ASN1Primitive.fromByteArray(content));
            List<X509CertificateHolder> certificates = new java.util.ArrayList<>();
            for (Certificate c : list.getCertStructs()) {
                certificates.add(new X509CertificateHolder(c));
            }
            TrustAnchors listed = TrustAnchors.of(certificates.stream().map(c -> new TrustAnchor(c, false)).toList(), List.of());
            var listedIssuer = listed.issuerOf(signer).map(TrustAnchor::certificate);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> carried = signed.getCertificates().getMatches(null);
            X509CertificateHolder issuer = listedIssuer.orElseGet(() -> TrustAnchors.of(carried.stream()
                    .map(c -> new TrustAnchor(c, false)).toList(), List.of()).issuerOf(signer)
                    .map(TrustAnchor::certificate).orElse(null));
            return new MasterList(certificates, signer, listedIssuer.isPresent(), issuer);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the master list: " + e.getMessage(), e);
        }
    }
}
