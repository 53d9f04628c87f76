package dev.proofdesk.passport.pki;

import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A CSCA certificate an environment accepts.
 *
 * @param mock true for a Proofdesk mock CSCA, so results can say a document is a test one
 */
public record TrustAnchor(X509CertificateHolder certificate, boolean mock) {

    public TrustAnchor {
        Objects.requireNonNull(certificate, "certificate");
    }

    public SubjectPublicKeyInfo publicKeyInfo() {
        return certificate.getSubjectPublicKeyInfo();
    }

    /** ISO 3166 alpha-2 country of the CSCA subject, or empty when the certificate names none. */
    public String country() {
        return Certificates.country(certificate);
    }
}
