package dev.proofdesk.passport;

import dev.proofdesk.passport.chip.ChipAuthMethod;
import dev.proofdesk.passport.chip.ChipProof;
import dev.proofdesk.passport.chip.ChipRead;
import dev.proofdesk.passport.lds.Dg15;
import dev.proofdesk.passport.lds.MalformedDocumentException;
import dev.proofdesk.passport.lds.Mrz;
import dev.proofdesk.passport.lds.SecurityObject;
import dev.proofdesk.passport.pki.PassiveAuthenticationResult;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import dev.proofdesk.passport.pki.TrustAnchors;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Verifies one document proof against one environment (DESIGN §5): parse, passive
 * authentication, the chip's proof (Chip Authentication, by itself or as PACE-CAM, or Active
 * Authentication), expiry, and the flow's rules. Every check runs and every failure is listed;
 * nothing the holder submits can make it throw. Thread-safe; build one per environment.
 */
public final class DocumentVerifier {
    /** DG1 is 93 bytes for a passport; anything near a kilobyte is not a DG1. */
    public static final int MAX_DG1_LENGTH = 1024;

    private final PassiveAuthenticator passive;
    private final SanctionsList sanctions;
    private final Clock clock;

    /**
     * @param anchors the CSCAs this environment trusts (the mock CSCA in test, master lists in live)
     * @param knownMockCscaKeys mock CSCA keys this environment does not trust; a document they
     *     issued fails with {@code mock_document} instead of {@code issuer_untrusted}
     * @param sanctions the environment's sanctions list, used when a flow enables OFAC screening
     */
    public DocumentVerifier(TrustAnchors anchors, List<PublicKey> knownMockCscaKeys, SanctionsList sanctions, Clock clock) {
        this.passive = new PassiveAuthenticator(Objects.requireNonNull(anchors, "anchors"), List.copyOf(knownMockCscaKeys));
        this.sanctions = Objects.requireNonNull(sanctions, "sanctions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a submission read by the holder's own device: the chip's only possible proof is an
     * active-authentication signature over {@code challenge}. A submission without DG15 or
     * without a signature carries no proof.
     */
    public VerificationResult verify(DocumentProof proof, byte[] challenge, Rules rules) {
        Objects.requireNonNull(rules, "rules");
        if (proof == null) {
            return error("DG1 and SOD are required");
        }
        Map<Integer, byte[]> groups = new HashMap<>();
        groups.put(1, proof.dg1());
        if (proof.dg15() != null) {
            groups.put(15, proof.dg15());
        }
        boolean signed = proof.dg15() != null && challenge != null
                && proof.activeAuthSignature() != null && proof.activeAuthSignature().length > 0;
        ChipProof chipProof = signed ? new ChipProof.ActiveAuthentication(challenge, proof.activeAuthSignature())
                : new ChipProof.None();
        return guarded(() -> run(proof.sod(), groups, chipProof, null, false, rules));
    }

    /**
     * Verifies a chip the server read itself as terminal ({@code ChipTerminal}): passive
     * authentication over DG1, DG14 and DG15 exactly as read, then the chip's proof (with
     * EF.CardSecurity for PACE-CAM).
     */
    public VerificationResult verify(ChipRead read, Rules rules) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(read, "read");
        return guarded(() -> run(read.sod(), read.dataGroups(), read.proof(), read.cardSecurity(), true, rules));
    }

    private static VerificationResult guarded(Supplier<VerificationResult> verification) {
        try {
            return verification.get();
        } catch (RuntimeException e) {
            // Defence in depth: a parser corner we did not foresee is still the holder's bad data.
            return error("the submission could not be processed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private VerificationResult run(byte[] sodBytes, Map<Integer, byte[]> groups, ChipProof proof, byte[] cardSecurity,
                                   boolean relayed, Rules rules) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        byte[] dg1 = groups.get(1);
        if (dg1 == null || sodBytes == null) {
            return error("DG1 and SOD are required");
        }
        if (dg1.length > MAX_DG1_LENGTH) {
            return error("DG1 is larger than " + MAX_DG1_LENGTH + " bytes");
        }
        Document document;
        SecurityObject sod;
        SubjectPublicKeyInfo dg15Key;
        try {
            document = Mrz.parseDg1(dg1, today);
            sod = SecurityObject.parse(sodBytes);
            dg15Key = groups.get(15) == null ? null : Dg15.parse(groups.get(15));
        } catch (MalformedDocumentException e) {
            return error(e.getMessage());
        }

        Checks checks = new Checks();
        checks.pass(CheckName.DOCUMENT_PARSED);
        // Hashed exactly as read: a re-encoding could differ from what the issuer signed.
        PassiveAuthenticationResult pa = passive.verify(sod, groups, now);
        checks.add(CheckName.SOD_SIGNATURE, pa.signatureValid(), FailureCode.SIGNATURE_INVALID,
                "the SOD signature does not verify under its document signer certificate");
        switch (pa.issuer()) {
            case TRUSTED -> checks.pass(CheckName.ISSUER_CHAIN);
            case MOCK -> checks.fail(CheckName.ISSUER_CHAIN, FailureCode.MOCK_DOCUMENT,
                    "issued by a mock CSCA, which this environment does not trust");
            case UNTRUSTED -> checks.fail(CheckName.ISSUER_CHAIN, FailureCode.ISSUER_UNTRUSTED,
                    "the document signer was not issued by a CSCA this environment trusts");
        }
        checks.add(CheckName.DOCUMENT_SIGNER_VALIDITY, pa.dscCurrent(), FailureCode.ISSUER_UNTRUSTED,
                "the document signer certificate is outside its validity period");
        if (pa.revocationChecked()) {
            checks.add(CheckName.DOCUMENT_SIGNER_REVOCATION, !pa.revoked(), FailureCode.ISSUER_UNTRUSTED,
                    "the document signer certificate is revoked");
        } else {
            checks.skip(CheckName.DOCUMENT_SIGNER_REVOCATION);
        }
        checks.add(CheckName.DATA_GROUP_HASHES, pa.hashesMatch(), FailureCode.DATA_TAMPERED,
                String.join("; ", pa.hashProblems()));
        ChipAuthMethod method = new ChipCheck(groups, dg15Key, sod, pa, relayed, cardSecurity, passive, now)
                .apply(checks, proof, rules.requireChipAuthentication());
        applyRules(checks, document, rules, today);

        List<Failure> failures = checks.failures();
        Outcome outcome = failures.isEmpty() ? new Outcome.Valid() : new Outcome.Invalid(failures);
        return new VerificationResult(outcome, checks.list(), pa.warnings(), Optional.of(document), pa.anchorIsMock(),
                method);
    }

    private void applyRules(Checks checks, Document document, Rules rules, LocalDate today) {
        if (rules.rejectExpiredDocuments()) {
            // A document is valid through the whole of its expiry day.
            checks.add(CheckName.DOCUMENT_NOT_EXPIRED, !document.expirationDate().isBefore(today),
                    FailureCode.DOCUMENT_EXPIRED, "the document expired on " + document.expirationDate());
        }
        checks.add(CheckName.DOCUMENT_TYPE, rules.acceptedDocumentTypes().contains(document.documentType()),
                FailureCode.DOCUMENT_TYPE_NOT_ACCEPTED, "this flow does not accept " + document.documentType().wireName());
        if (rules.minimumAge() != null) {
            checks.add(CheckName.MINIMUM_AGE, document.ageOn(today) >= rules.minimumAge(), FailureCode.AGE_BELOW_MINIMUM,
                    "the holder is younger than " + rules.minimumAge());
        }
        if (!rules.includedCountries().isEmpty() || !rules.excludedCountries().isEmpty()) {
            String nationality = Countries.normalise(document.nationality());
            boolean allowed = rules.includedCountries().isEmpty()
                    ? rules.excludedCountries().stream().map(Countries::normalise).noneMatch(nationality::equals)
                    : rules.includedCountries().stream().map(Countries::normalise).anyMatch(nationality::equals);
            checks.add(CheckName.COUNTRY, allowed, FailureCode.COUNTRY_NOT_ALLOWED, "this flow does not accept this nationality");
        }
        if (rules.ofac()) {
            var match = sanctions.screen(document);
            checks.add(CheckName.SANCTIONS_SCREENING, match.isEmpty(), FailureCode.OFAC_MATCH,
                    match.map(m -> "matches sanctions list entry " + m.entryUid() + " by " + m.reason()).orElse(""));
        }
    }

    private static VerificationResult error(String reason) {
        return new VerificationResult(new Outcome.Error(reason),
                List.of(new Check(CheckName.DOCUMENT_PARSED, false, FailureCode.DOCUMENT_MALFORMED)),
                List.of(), Optional.empty(), false, ChipAuthMethod.NONE);
    }
}
