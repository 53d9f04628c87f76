package dev.proofdesk.passport.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/** Reads CSCA certificates and CRLs as operators receive them: PEM (one or many) or DER. */
public final class Certificates {
    private Certificates() {
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
