package dev.proofdesk.passport.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>What is costly is done once and kept: an anchor's key is decoded when a certificate first
 * names it as issuer (a thousand anchors load in milliseconds, most are never asked), a CRL's
 * signature is checked once, and each document signer seen (by its DER) keeps its key and the
 * anchor that signed it, so a document from a known signer costs one signature check, the SOD's.
 * All of it is a function of bytes this value never changes, so nothing goes stale.
 */
public final class TrustAnchors {
    /** Document signers remembered; a country issues a few a year, so this holds every current one. */
    private static final int DOCUMENT_SIGNERS = 8_192;

    private final List<Entry> entries;
    private final List<X509CRLHolder> crls;
    private final Map<Der, Entry> byDer = new HashMap<>();
    private final Map<String, List<Entry>> bySki = new HashMap<>();
    private final Map<X500Name, List<Entry>> bySubject = new HashMap<>();
    private final Map<Entry, List<Crl>> crlsByAnchor = new ConcurrentHashMap<>();
    private final BoundedCache<Der, DocumentSigner> documentSigners = new BoundedCache<>(DOCUMENT_SIGNERS);

    /**
     * A document signer certificate as this environment sees it, its dates read once.
     *
     * @param verifier its key, for the SOD signature; null when the key cannot be read
     * @param issuer the anchor whose key signed it, if any
     * @param issuerCrls the issuer's CRLs whose signature verifies under the issuer's key
     */
    public record DocumentSigner(ContentVerifierProvider verifier, Date notBefore, Date notAfter,
                                 Optional<TrustAnchor> issuer, List<Crl> issuerCrls) {
        /** As {@link X509CertificateHolder#isValidOn}: both ends included. */
        public boolean validOn(Date date) {
            return !date.before(notBefore) && !date.after(notAfter);
        }
    }

    /** A CRL whose signature verified, with its dates read once; {@code nextUpdate} may be null. */
    public record Crl(X509CRLHolder crl, Date thisUpdate, Date nextUpdate) {
        Crl(X509CRLHolder crl) {
            this(crl, crl.getThisUpdate(), crl.getNextUpdate());
        }

        /** Issued by now and not yet superseded. */
        public boolean currentOn(Date date) {
            return !thisUpdate.after(date) && (nextUpdate == null || !nextUpdate.before(date));
        }
    }

    /** DER bytes as a map key. */
    private record Der(byte[] bytes, int hash) {
        static Der of(X509CertificateHolder certificate) {
            try {
                // Sized up front: growing the stream from BouncyCastle's default cost more than the encoding.
                ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
                certificate.toASN1Structure().encodeTo(out);
                byte[] bytes = out.toByteArray();
                return new Der(bytes, Arrays.hashCode(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Der d && d.hash == hash && Arrays.equals(d.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** One anchor; its key is decoded on first use and kept (shared by the values built from this one). */
    private static final class Entry {
        private final TrustAnchor anchor;
        private final Der der;
        private volatile Optional<ContentVerifierProvider> verifier;

        Entry(TrustAnchor anchor, Der der) {
            this.anchor = anchor;
            this.der = der;
        }

        /** Empty when the key cannot be read: such an anchor never verifies anything. */
        Optional<ContentVerifierProvider> verifier() {
            Optional<ContentVerifierProvider> v = verifier;
            if (v == null) {
                try {
                    v = Optional.of(Keys.verifierProvider(Keys.publicKey(anchor.publicKeyInfo())));
                } catch (RuntimeException unusableKey) {
                    v = Optional.empty();
                }
                verifier = v;
            }
            return v;
        }
    }

    private TrustAnchors(List<Entry> entries, List<X509CRLHolder> crls) {
        this.entries = List.copyOf(entries);
        this.crls = List.copyOf(crls);
        for (Entry e : this.entries) {
            byDer.put(e.der, e);
            byte[] ski = subjectKeyId(e.anchor.certificate());
            if (ski != null) {
                bySki.computeIfAbsent(hex(ski), k -> new ArrayList<>()).add(e);
            }
            bySubject.computeIfAbsent(e.anchor.certificate().getSubject(), k -> new ArrayList<>()).add(e);
        }
    }

    public static TrustAnchors empty() {
        return new TrustAnchors(List.of(), List.of());
    }

    public static TrustAnchors of(List<TrustAnchor> anchors, List<X509CRLHolder> crls) {
        return empty().with(anchors, crls);
    }

    /**
     * These anchors and CRLs, taking from {@code previous} what it already decoded for the same
     * certificates, so reloading after an import decodes only the new ones.
     */
    public static TrustAnchors of(List<TrustAnchor> anchors, List<X509CRLHolder> crls, TrustAnchors previous) {
        List<Entry> out = new ArrayList<>(anchors.size());
        Set<Der> seen = new HashSet<>();
        for (TrustAnchor a : anchors) {
            Der der = Der.of(a.certificate());
            if (seen.add(der)) {
                Entry known = previous.byDer.get(der);
                out.add(known != null && known.anchor.mock() == a.mock() ? known : new Entry(a, der));
            }
        }
        return new TrustAnchors(out, crls);
    }

    /** Adds anchors (skipping certificates already present) and CRLs. */
    public TrustAnchors with(List<TrustAnchor> anchors, List<X509CRLHolder> newCrls) {
        List<Entry> merged = new ArrayList<>(entries);
        Set<Der> seen = new HashSet<>(byDer.keySet());
        for (TrustAnchor a : anchors) {
            Der der = Der.of(a.certificate());
            if (seen.add(der)) {
                merged.add(new Entry(a, der));
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
        return entries.stream().map(e -> e.anchor).toList();
    }

    public List<X509CRLHolder> crls() {
        return crls;
    }

    /** Alpha-2 countries of the anchors, for showing what an import added. */
    public Set<String> countries() {
        Set<String> out = new java.util.TreeSet<>();
        entries.forEach(e -> out.add(e.anchor.country()));
        out.remove("");
        return out;
    }

    /** The anchor whose key verifies the certificate's signature, if any. */
    public Optional<TrustAnchor> issuerOf(X509CertificateHolder certificate) {
        return issuerEntry(certificate).map(e -> e.anchor);
    }

    /**
     * The document signer's key, issuer and the issuer's CRLs, worked out on its first document
     * and remembered by its DER.
     */
    public DocumentSigner documentSigner(X509CertificateHolder dsc) {
        return documentSigners.computeIfAbsent(Der.of(dsc), der -> {
            Optional<Entry> issuer = issuerEntry(dsc);
            ContentVerifierProvider verifier;
            try {
                verifier = Keys.verifierProvider(Keys.publicKey(dsc.getSubjectPublicKeyInfo()));
            } catch (RuntimeException unusableKey) {
                verifier = null;
            }
            return new DocumentSigner(verifier, dsc.getNotBefore(), dsc.getNotAfter(), issuer.map(e -> e.anchor),
                    issuer.map(this::verifiedCrls).orElse(List.of()));
        });
    }

    /** CRLs whose signature verifies under the anchor's key. */
    public List<X509CRLHolder> crlsOf(TrustAnchor anchor) {
        for (Entry e : entries) {
            if (e.anchor.equals(anchor)) {
                return verifiedCrls(e).stream().map(Crl::crl).toList();
            }
        }
        return List.of();
    }

    private List<Crl> verifiedCrls(Entry entry) {
        return crlsByAnchor.computeIfAbsent(entry, e -> {
            ContentVerifierProvider verifier = e.verifier().orElse(null);
            if (verifier == null) {
                return List.of();
            }
            List<Crl> out = new ArrayList<>();
            for (X509CRLHolder crl : crls) {
                if (crl.getIssuer().equals(e.anchor.certificate().getSubject()) && crlSignedBy(crl, verifier)) {
                    out.add(new Crl(crl));
                }
            }
            return List.copyOf(out);
        });
    }

    private Optional<Entry> issuerEntry(X509CertificateHolder certificate) {
        for (Entry e : candidates(certificate)) {
            Optional<ContentVerifierProvider> verifier = e.verifier();
            if (verifier.isPresent() && signedBy(certificate, verifier.get())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
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
