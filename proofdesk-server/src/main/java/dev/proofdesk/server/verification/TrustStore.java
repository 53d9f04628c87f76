package dev.proofdesk.server.verification;

import dev.proofdesk.passport.pki.Certificates;
import dev.proofdesk.passport.pki.MasterList;
import dev.proofdesk.passport.pki.TrustAnchor;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The CSCA certificates and CRLs one environment trusts, kept in its own store, and who may sign
 * the master lists it imports. Imports may come from another process (the CLI), so readers
 * re-check a cheap fingerprint and reload on change.
 */
public final class TrustStore {
    private final Store store;
    private final Clock clock;
    private final Supplier<TrustAnchors> builtIn;
    private final MasterListSigners signers;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    /** What was loaded, with the parsed rows by their stored text, so a reload parses only new rows. */
    private record Snapshot(String fingerprint, TrustAnchors anchors, Map<String, TrustAnchor> parsedAnchors,
                            Map<String, X509CRLHolder> parsedCrls) {
    }

    /** What an import added. */
    public record ImportResult(int certificatesAdded, int certificatesKnown, int crlsAdded, Set<String> countriesAdded) {
    }

    /** One stored anchor, for listing. */
    public record Entry(String country, String subject, String keyFingerprint, String source, Instant notAfter) {
    }

    /**
     * {@code builtIn} anchors and CRLs are always trusted here, e.g. the mock CSCA and its CRL in test;
     * asked for when the anchors are first needed.
     */
    public TrustStore(Store store, Clock clock, Supplier<TrustAnchors> builtIn) {
        this.store = store;
        this.clock = clock;
        this.builtIn = builtIn;
        this.signers = new MasterListSigners(store, clock);
    }

    /** A certificate trusted to sign master lists here (a signer, or the CSCA that issues signers). */
    public record MasterListSigner(String subject, String sha256, String source, Instant notAfter) {
    }

    /**
     * The anchors as stored now. Cheap when nothing changed; after an import (here or by another
     * process) only the new certificates are parsed, and their keys are decoded on first use.
     */
    public TrustAnchors anchors() {
        String fingerprint = store.read(h -> h.createQuery(
                        "SELECT (SELECT COUNT(*) FROM trust_anchors) || ':' || (SELECT COUNT(*) FROM trust_crls)")
                .mapTo(String.class).one());
        Snapshot snapshot = cached.get();
        if (snapshot == null || !snapshot.fingerprint().equals(fingerprint)) {
            snapshot = load(fingerprint, snapshot);
            cached.set(snapshot);
        }
        return snapshot.anchors();
    }

    /** Loads the anchors ahead of the first verification that needs them (at start, and as imports land). */
    public void refresh() {
        anchors();
    }

    private Snapshot load(String fingerprint, Snapshot previous) {
        TrustAnchors fixed = builtIn.get();
        Map<String, TrustAnchor> knownAnchors = previous == null ? Map.of() : previous.parsedAnchors();
        Map<String, X509CRLHolder> knownCrls = previous == null ? Map.of() : previous.parsedCrls();
        record Rows(List<String> anchors, List<String> crls) {
        }
        Rows rows = store.read(h -> new Rows(h.createQuery("SELECT certificate FROM trust_anchors").mapTo(String.class).list(),
                h.createQuery("SELECT crl FROM trust_crls").mapTo(String.class).list()));
        Map<String, TrustAnchor> parsedAnchors = new LinkedHashMap<>();
        rows.anchors().forEach(der -> parsedAnchors.put(der,
                knownAnchors.containsKey(der) ? knownAnchors.get(der) : new TrustAnchor(certificate(der), false)));
        Map<String, X509CRLHolder> parsedCrls = new LinkedHashMap<>();
        rows.crls().forEach(der -> parsedCrls.put(der, knownCrls.containsKey(der) ? knownCrls.get(der) : crl(der)));
        List<TrustAnchor> anchors = new ArrayList<>(fixed.anchors());
        anchors.addAll(parsedAnchors.values());
        List<X509CRLHolder> crls = new ArrayList<>(fixed.crls());
        crls.addAll(parsedCrls.values());
        TrustAnchors loaded = TrustAnchors.of(anchors, crls, previous == null ? TrustAnchors.empty() : previous.anchors());
        return new Snapshot(fingerprint, loaded, parsedAnchors, parsedCrls);
    }

    /** PEM/DER certificates or CRLs, or a master list whose signer is already trusted for master lists. */
    public ImportResult importFile(String source, byte[] bytes) {
        return importFile(source, bytes, null);
    }

    /**
     * A CSCA master list (signature verified, signer trusted or confirmed), or PEM/DER certificates,
     * or CRLs. A master list whose signer is neither trusted for master lists nor confirmed by
     * {@code signerSha256} is refused with {@link UntrustedMasterListSigner} before anything is imported.
     *
     * @param signerSha256 the SHA-256 of the DER of the list's signer certificate or of the CSCA that
     *     issued it, as the operator checked it with the publisher; trusted for master lists from now on
     */
    public ImportResult importFile(String source, byte[] bytes, String signerSha256) {
        String confirmed = signerSha256 == null ? null : MasterListSigners.normalise(signerSha256);
        MasterList masterList = null;
        List<X509CertificateHolder> certs;
        List<X509CRLHolder> crls = List.of();
        try {
            masterList = MasterList.parse(bytes);
            certs = masterList.certificates();
        } catch (RuntimeException notAMasterList) {
            certs = parseOrEmpty(() -> Certificates.parseCertificates(bytes));
            crls = parseOrEmpty(() -> Certificates.parseCrls(bytes));
            if (certs.isEmpty() && crls.isEmpty()) {
                throw ApiException.validation("file", "is neither a signed CSCA master list nor PEM/DER certificates "
                        + "or CRLs" + (notAMasterList.getMessage() != null ? " (" + notAMasterList.getMessage() + ")" : ""));
            }
        }
        if (masterList != null) {
            signers.admit(masterList, confirmed, source, anchors());
        } else if (confirmed != null) {
            throw ApiException.validation("--signer-sha256", "applies to master lists only; this file holds "
                    + "certificates or CRLs, which are imported because you chose the file");
        }
        Set<String> before = anchors().countries();
        int added = insertAnchors(source, certs);
        int known = certs.size() - added;
        int crlsAdded = 0;
        for (X509CRLHolder crl : crls) {
            crlsAdded += insertCrl(crl) ? 1 : 0;
        }
        Set<String> countries = new TreeSet<>(anchors().countries());
        countries.removeAll(before);
        return new ImportResult(added, known, crlsAdded, countries);
    }

    public List<MasterListSigner> masterListSigners() {
        return signers.list();
    }

    public List<Entry> list() {
        return store.read(h -> h.createQuery("SELECT * FROM trust_anchors ORDER BY country, subject")
                .map((rs, ctx) -> new Entry(rs.getString("country"), rs.getString("subject"),
                        rs.getString("key_fingerprint"), rs.getString("source"),
                        Instant.ofEpochMilli(rs.getLong("not_after"))))
                .list());
    }

    /** In one transaction: a list of hundreds commits once. A key already trusted is skipped. */
    private int insertAnchors(String source, List<X509CertificateHolder> certs) {
        if (certs.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return store.write(h -> {
            int inserted = 0;
            for (X509CertificateHolder cert : certs) {
                var countries = cert.getSubject().getRDNs(BCStyle.C);
                String country = countries.length > 0
                        ? countries[0].getFirst().getValue().toString().toUpperCase(Locale.ROOT) : "";
                inserted += h.createUpdate("""
                        INSERT INTO trust_anchors (id, country, subject, key_fingerprint, certificate, source, not_after, created_at)
                        VALUES (:id, :country, :subject, :fp, :cert, :source, :notAfter, :now)
                        ON CONFLICT (key_fingerprint) DO NOTHING""")
                        .bind("id", Ids.newId()).bind("country", country).bind("subject", cert.getSubject().toString())
                        .bind("fp", HexFormat.of().formatHex(Crypto.sha256(der(cert.getSubjectPublicKeyInfo()))))
                        .bind("cert", encode(der(cert.toASN1Structure()))).bind("source", source)
                        .bind("notAfter", cert.getNotAfter().getTime()).bind("now", now).execute();
            }
            return inserted;
        });
    }

    private static byte[] der(ASN1Object value) {
        try {
            return value.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean insertCrl(X509CRLHolder crl) {
        try {
            byte[] der = crl.getEncoded();
            String encoded = encode(der);
            store.writeVoid(h -> h.createUpdate("""
                    INSERT INTO trust_crls (id, issuer, fingerprint, crl, next_update, created_at)
                    VALUES (:id, :issuer, :fp, :crl, :next, :now)""")
                    .bind("id", Ids.newId()).bind("issuer", crl.getIssuer().toString())
                    .bind("fp", HexFormat.of().formatHex(Crypto.sha256(der))).bind("crl", encoded)
                    .bind("next", crl.getNextUpdate() == null ? null : crl.getNextUpdate().getTime())
                    .bind("now", clock.millis()).execute());
            return true;
        } catch (UniqueViolationException known) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> parseOrEmpty(Supplier<List<T>> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String encode(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static X509CertificateHolder certificate(String base64) {
        try {
            return new X509CertificateHolder(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509CRLHolder crl(String base64) {
        try {
            return new X509CRLHolder(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
