package dev.proofdesk.server.verification;

import dev.proofdesk.passport.pki.MasterList;
import dev.proofdesk.passport.pki.TrustAnchor;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.store.UniqueViolationException;
import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may sign the master lists an environment imports. A list's CMS signature only proves the
 * list is intact under the certificate it carries, which anyone can make; so a list is admitted
 * only when that signer, or the CSCA that issued it, is trusted for master lists here, or when the
 * operator confirms one of their SHA-256 fingerprints (checked with the publisher) on this import,
 * which trusts it from then on.
 */
final class MasterListSigners {
    private final Store store;
    private final Clock clock;

    private record Stored(String sha256, X509CertificateHolder certificate) {
    }

    MasterListSigners(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Admits the list or throws {@link UntrustedMasterListSigner}, before anything is imported.
     *
     * @param confirmedSha256 the operator's confirmation of the signer or its issuing CSCA, or null
     * @param anchors where to look for the issuing CSCA when the file does not carry it
     */
    void admit(MasterList list, String confirmedSha256, String source, TrustAnchors anchors) {
        String signerSha256 = sha256(list.signer());
        X509CertificateHolder issuer = list.signerIssuer() != null ? list.signerIssuer()
                : anchors.issuerOf(list.signer()).map(TrustAnchor::certificate).orElse(null);
        String issuerSha256 = issuer == null ? null : sha256(issuer);
        if (confirmedSha256 != null) {
            X509CertificateHolder confirmed = confirmedSha256.equals(signerSha256) ? list.signer()
                    : confirmedSha256.equals(issuerSha256) ? issuer : null;
            if (confirmed == null) {
                throw refusal("--signer-sha256 " + confirmedSha256 + " is neither the master list signer's certificate "
                        + "nor the CSCA that issued it", list.signer(), issuer);
            }
            trust(confirmed, source);
            return;
        }
        for (Stored trusted : trusted()) {
            if (trusted.sha256().equals(signerSha256) || list.signerIssuedBy(trusted.certificate())) {
                return;
            }
        }
        throw refusal("the master list's signer is not trusted to sign master lists in "
                + store.environment().map(e -> e.id()).orElse("this store"), list.signer(), issuer);
    }

    List<TrustStore.MasterListSigner> list() {
        return store.read(h -> h.createQuery(
                        "SELECT subject, fingerprint, source, not_after FROM trust_master_list_signers ORDER BY subject")
                .map((rs, c) -> new TrustStore.MasterListSigner(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list());
    }

    /** 64 hex digits, case, colons and spaces as the operator pasted them. */
    static String normalise(String sha256) {
        String hex = sha256.replace(":", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw ApiException.validation("--signer-sha256", "must be a SHA-256 fingerprint: 64 hexadecimal digits "
                    + "(colons and spaces allowed), as 'trust import' prints for a refused master list");
        }
        return hex;
    }

    private List<Stored> trusted() {
        return store.read(h -> h.createQuery("SELECT fingerprint, certificate FROM trust_master_list_signers")
                .map((rs, c) -> new Stored(rs.getString(1), certificate(rs.getString(2)))).list());
    }

    private void trust(X509CertificateHolder certificate, String source) {
        try {
            store.writeVoid(h -> h.createUpdate("""
                    INSERT INTO trust_master_list_signers (id, subject, fingerprint, certificate, source, not_after, created_at)
                    VALUES (:id, :subject, :fp, :cert, :source, :notAfter, :now)""")
                    .bind("id", Ids.newId()).bind("subject", certificate.getSubject().toString())
                    .bind("fp", sha256(certificate)).bind("cert", Base64.getEncoder().encodeToString(der(certificate)))
                    .bind("source", source).bind("notAfter", certificate.getNotAfter().getTime())
                    .bind("now", clock.millis()).execute());
        } catch (UniqueViolationException alreadyTrusted) {
            // confirmed again: nothing to add
        }
    }

    private static UntrustedMasterListSigner refusal(String reason, X509CertificateHolder signer,
                                                     X509CertificateHolder issuer) {
        return new UntrustedMasterListSigner(reason, details(signer), Optional.ofNullable(issuer).map(MasterListSigners::details));
    }

    private static UntrustedMasterListSigner.Certificate details(X509CertificateHolder c) {
        return new UntrustedMasterListSigner.Certificate(c.getSubject().toString(), c.getIssuer().toString(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), sha256(c));
    }

    static String sha256(X509CertificateHolder certificate) {
        return HexFormat.of().formatHex(Crypto.sha256(der(certificate)));
    }

    private static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509CertificateHolder certificate(String base64) {
        try {
            return new X509CertificateHolder(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
