package dev.proofdesk.passport.pki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;

/**
 * The CSCA certificates and CRLs one environment trusts. Immutable; importing returns a new value.
 * An issuer is found by key: names and key identifiers only narrow the candidates, the
 * signature decides, so a look-alike CSCA with the same name but another key is never chosen.
 */
public final class TrustAnchors {
    private final List<Entry> entries;
    private final List<X509CRLHolder> crls;
    private final Map<String, List<Entry>> bySki = new HashMap<>();
    private final Map<X500Name, List<Entry>> bySubject = new HashMap<>();

    private record Entry(TrustAnchor anchor, ContentVerifierProvider verifier) {
    }

    private TrustAnchors(List<Entry> entries, List<X509CRLHolder> crls) {
        this.entries = List.copyOf(entries);
        this.crls = List.copyOf(crls);
        for (Entry e : this.entries) {
            byte[] ski = subjectKeyId(e.anchor().certificate());
            if (ski != null) {
                bySki.computeIfAbsent(hex(ski), k -> new ArrayList<>()).add(e);
            }
            bySubject.computeIfAbsent(e.anchor().certificate().getSubject(), k -> new ArrayList<>()).add(e);
        }
    }

    public static TrustAnchors empty() {
        return new TrustAnchors(List.of(), List.of());
    }

    public static TrustAnchors of(List<TrustAnchor> anchors, List<X509CRLHolder> crls) {
        return empty().with(anchors, crls);
    }

    /** Adds anchors (skipping certificates already present) and CRLs. */
    public TrustAnchors with(List<TrustAnchor> anchors, List<X509CRLHolder> newCrls) {
        List<Entry> merged = new ArrayList<>(entries);
        Set<X509CertificateHolder> seen = new LinkedHashSet<>();
        entries.forEach(e -> seen.add(e.anchor().certificate()));
        for (TrustAnchor a : anchors) {
            if (seen.add(a.certificate())) {
                merged.add(new Entry(a, a.verifier()));
            }
        }
        List<X509CRLHolder> allCrls = new ArrayList<>(crls);
        allCrls.addAll(newCrls);
        return new TrustAnchors(merged, allCrls);
    }

    public TrustAnchors withMasterList(MasterList list) {
        return with(list.certificates().stream().map(c -> new TrustAnchor(c, false)).toList(), List.of());
    }

    public List<TrustAnchor> anchors() {
        return entries.stream().map(Entry::anchor).toList();
    }

    public List<X509CRLHolder> crls() {
        return crls;
    }

    /** Alpha-2 countries of the anchors, for showing what an import added. */
    public Set<String> countries() {
        Set<String> out = new java.util.TreeSet<>();
        entries.forEach(e -> out.add(e.anchor().country()));
        out.remove("");
        return out;
    }

    /** The anchor whose key verifies the certificate's signature, if any. */
    public Optional<TrustAnchor> issuerOf(X509CertificateHolder certificate) {
        for (Entry e : candidates(certificate)) {
            if (signedBy(certificate, e.verifier())) {
                return Optional.of(e.anchor());
            }
        }
        return Optional.empty();
    }

    /** CRLs whose signature verifies under the anchor's key. */
    public List<X509CRLHolder> crlsOf(TrustAnchor anchor) {
        ContentVerifierProvider verifier = entries.stream()
                .filter(e -> e.anchor().equals(anchor)).map(Entry::verifier).findFirst().orElse(null);
        if (verifier == null) {
            return List.of();
        }
        List<X509CRLHolder> out = new ArrayList<>();
        for (X509CRLHolder crl : crls) {
            if (crl.getIssuer().equals(anchor.certificate().getSubject()) && crlSignedBy(crl, verifier)) {
                out.add(crl);
            }
        }
        return out;
    }

    private List<Entry> candidates(X509CertificateHolder certificate) {
        List<Entry> out = new ArrayList<>();
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
        if (aki != null && aki.getKeyIdentifierObject() != null) {
            out.addAll(bySki.getOrDefault(hex(aki.getKeyIdentifierObject().getOctets()), List.of()));
        }
        for (Entry e : bySubject.getOrDefault(certificate.getIssuer(), List.of())) {
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    static boolean signedBy(X509CertificateHolder certificate, ContentVerifierProvider verifier) {
        try {
            return certificate.isSignatureValid(verifier);
        } catch (CertException | RuntimeException e) {
            return false;
        }
    }

    private static boolean crlSignedBy(X509CRLHolder crl, ContentVerifierProvider verifier) {
        try {
            return crl.isSignatureValid(verifier);
        } catch (CertException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] subjectKeyId(X509CertificateHolder certificate) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        return ski == null ? null : ski.getKeyIdentifier();
    }

    private static String hex(byte[] bytes) {
        return org.bouncycastle.util.encoders.Hex.toHexString(bytes);
    }

    @Override
    public String toString() {
        return "TrustAnchors[" + entries.size() + " anchors, " + crls.size() + " CRLs]";
    }

}
