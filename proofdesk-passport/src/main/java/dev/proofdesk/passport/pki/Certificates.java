package dev.proofdesk.passport.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/** Reads CSCA certificates and CRLs as operators receive them: PEM (one or many) or DER. */
public final class Certificates {
    /** Private certificate policy on every Proofdesk mock CSCA and DSC, so any verifier can tell a test document. */
    public static final String MOCK_POLICY_OID = "1.3.6.1.4.1.59812.1";

    private Certificates() {
    }

    /** Whether the certificate carries the mock policy, i.e. belongs to some deployment's test documents. */
    static boolean hasMockPolicy(X509CertificateHolder certificate) {
        try {
            CertificatePolicies policies = certificate.getExtensions() == null ? null
                    : CertificatePolicies.fromExtensions(certificate.getExtensions());
            return policies != null && policies.getPolicyInformation(new ASN1ObjectIdentifier(MOCK_POLICY_OID)) != null;
        } catch (RuntimeException malformedExtension) {
            return false;
        }
    }

    public static List<X509CertificateHolder> parseCertificates(byte[] pemOrDer) {
        List<X509CertificateHolder> out = new ArrayList<>();
        for (Object o : objects(pemOrDer, true)) {
            if (o instanceof X509CertificateHolder c) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no X.509 certificate found");
        }
        return List.copyOf(out);
    }

    public static List<X509CRLHolder> parseCrls(byte[] pemOrDer) {
        List<X509CRLHolder> out = new ArrayList<>();
        for (Object o : objects(pemOrDer, false)) {
            if (o instanceof X509CRLHolder c) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no X.509 CRL found");
        }
        return List.copyOf(out);
    }

    static String country(X509CertificateHolder certificate) {
        RDN[] rdns = certificate.getSubject().getRDNs(BCStyle.C);
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue()).toUpperCase();
    }

    private static List<Object> objects(byte[] data, boolean certificate) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("empty input");
        }
        try {
            if (data[0] == 0x30) {
                return List.of(certificate ? new X509CertificateHolder(data) : new X509CRLHolder(data));
            }
            List<Object> out = new ArrayList<>();
            try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.US_ASCII))) {
                for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                    out.add(o);
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PEM or DER " + (certificate ? "certificate" : "CRL") + ": " + e.getMessage(), e);
        }
    }
}
