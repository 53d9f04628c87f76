package dev.proofdesk.passport.pki;

import dev.proofdesk.passport.lds.SecurityObject;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Passive authentication (ICAO 9303 part 11 §5.1): the SOD signature under its own DSC and
 * algorithm, the DSC chain to this environment's anchors, DSC validity and revocation, and
 * the hash of every submitted data group. Thread-safe; build once per environment.
 */
public final class PassiveAuthenticator {
    private final TrustAnchors anchors;
    private final List<PublicKey> knownMockCscas;

    /**
     * @param knownMockCscaKeys keys of mock CSCAs this environment does not trust, used only to
     *     tell a test document apart from an unknown issuer in the result
     */
    public PassiveAuthenticator(TrustAnchors anchors, List<PublicKey> knownMockCscaKeys) {
        this.anchors = anchors;
        this.knownMockCscas = List.copyOf(knownMockCscaKeys);
    }

    /** @param dataGroups submitted data groups by number; each must be hashed in the SOD */
    public PassiveAuthenticationResult verify(SecurityObject sod, Map<Integer, byte[]> dataGroups, Instant now) {
        X509CertificateHolder dsc = sod.documentSigner();
        List<String> warnings = new ArrayList<>();
        TrustAnchors.DocumentSigner signer = anchors.documentSigner(dsc);
        boolean signatureValid = signatureValid(sod.signer(), signer);
        var anchor = signer.issuer();
        IssuerStatus issuer = issuer(dsc, anchor);
        boolean revoked = false;
        boolean revocationChecked = false;
        Date at = Date.from(now);
        if (anchor.isPresent()) {
            List<TrustAnchors.Crl> crls = signer.issuerCrls();
            revocationChecked = !crls.isEmpty();
            if (crls.isEmpty()) {
                warnings.add("no CRL for the issuing CSCA; revocation of the document signer was not checked");
            } else {
                boolean current = false;
                for (TrustAnchors.Crl crl : crls) {
                    revoked |= crl.crl().getRevokedCertificate(dsc.getSerialNumber()) != null;
                    current |= crl.currentOn(at);
                }
                if (!current && !revoked) {
                    warnings.add("the issuing CSCA's CRL is out of date; revocation may be incomplete");
                }
            }
        }
        List<String> hashProblems = new ArrayList<>();
        Set<Integer> matched = new HashSet<>();
        checkHashes(sod, dataGroups, hashProblems, matched);
        return new PassiveAuthenticationResult(signatureValid, issuer, anchor.map(TrustAnchor::mock).orElse(false),
                signer.validOn(at), revoked, revocationChecked, hashProblems, matched, warnings);
    }

    /**
     * The signer checks of passive authentication for another signed security object of the chip
     * (EF.CardSecurity): its signature under its own document signer, whose issuer, validity and
     * revocation are judged as the SOD's are.
     */
    public SignerStatus verifySigner(SignerInformation signerInfo, X509CertificateHolder dsc, Instant now) {
        TrustAnchors.DocumentSigner signer = anchors.documentSigner(dsc);
        boolean revoked = false;
        for (TrustAnchors.Crl crl : signer.issuerCrls()) {
            revoked |= crl.crl().getRevokedCertificate(dsc.getSerialNumber()) != null;
        }
        return new SignerStatus(signatureValid(signerInfo, signer), issuer(dsc, signer.issuer()),
                signer.validOn(Date.from(now)), revoked);
    }

    /** What {@link #verifySigner} found. */
    public record SignerStatus(boolean signatureValid, IssuerStatus issuer, boolean dscCurrent, boolean revoked) {
    }

    private IssuerStatus issuer(X509CertificateHolder dsc, Optional<TrustAnchor> anchor) {
        if (anchor.isPresent()) {
            return IssuerStatus.TRUSTED;
        }
        return signedByKnownMock(dsc) || Certificates.hasMockPolicy(dsc) ? IssuerStatus.MOCK : IssuerStatus.UNTRUSTED;
    }

    private static boolean signatureValid(SignerInformation signerInfo, TrustAnchors.DocumentSigner signer) {
        if (signer.verifier() == null) {
            return false;
        }
        try {
            // Built from the key, not the certificate: validity is its own check against the injected clock.
            return signerInfo.verify(Keys.signerInfoVerifier(signer.verifier()));
        } catch (Exception e) {
            return false;
        }
    }

    private boolean signedByKnownMock(X509CertificateHolder dsc) {
        // Asked only of a document no anchor issued, so the keys are not prepared in advance.
        for (PublicKey mock : knownMockCscas) {
            if (TrustAnchors.signedBy(dsc, Keys.verifierProvider(mock))) {
                return true;
            }
        }
        return false;
    }

    private static void checkHashes(SecurityObject sod, Map<Integer, byte[]> dataGroups, List<String> problems,
                                    Set<Integer> matched) {
        if (!sod.hashes().containsKey(1)) {
            problems.add("the SOD does not list DG1");
        }
        for (var e : dataGroups.entrySet()) {
            byte[] expected = sod.hashes().get(e.getKey());
            if (expected == null) {
                problems.add("DG" + e.getKey() + " was submitted but the SOD does not list it");
            } else if (!MessageDigest.isEqual(expected, digest(sod, e.getValue()))) {
                problems.add("DG" + e.getKey() + " does not match its hash in the SOD");
            } else {
                matched.add(e.getKey());
            }
        }
    }

    private static byte[] digest(SecurityObject sod, byte[] data) {
        try {
            DigestCalculator calculator = new BcDigestCalculatorProvider().get(sod.digestAlgorithm());
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(data);
            }
            return calculator.getDigest();
        } catch (Exception e) {
            // An unknown digest algorithm cannot vouch for anything.
            return new byte[0];
        }
    }
}
