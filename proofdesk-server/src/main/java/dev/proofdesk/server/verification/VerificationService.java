package dev.proofdesk.server.verification;

import dev.proofdesk.passport.DocumentProof;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.DocumentVerifier;
import dev.proofdesk.passport.Rules;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.passport.chip.ChipRead;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.flow.FlowDefinition;
import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.session.HolderSessions;
import dev.proofdesk.server.session.Session;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Completes sessions of one environment from submitted chip data or a chip the server read through
 * the relay: checks the input, claims the session, runs the document pipeline against this
 * environment's trust anchors and sanctions list, and records the verdict. The test helpers go
 * through here too, so test and live share one verifier.
 */
public final class VerificationService {
    static final int MAX_SOD = 64 * 1024;
    static final int MAX_DG15 = 4096;
    static final int MAX_SIGNATURE = 1024;

    private final HolderSessions holder;
    private final TrustStore trust;
    private final SanctionsStore sanctions;
    private final Supplier<List<PublicKey>> knownMockCscaKeys;
    private final byte[] nullifierKey;
    private final Clock clock;

    public VerificationService(HolderSessions holder, TrustStore trust, SanctionsStore sanctions,
                               Supplier<List<PublicKey>> knownMockCscaKeys, MasterKey masterKey, Clock clock) {
        this.holder = holder;
        this.trust = trust;
        this.sanctions = sanctions;
        this.knownMockCscaKeys = knownMockCscaKeys;
        this.nullifierKey = masterKey.derive("nullifier");
        this.clock = clock;
    }

    public HolderSessions holder() {
        return holder;
    }

    public String challenge(String sessionId, String clientSecret) {
        return holder.newChallenge(sessionId, clientSecret);
    }

    public Session submit(String sessionId, String clientSecret, SubmissionInput input) {
        DocumentProof proof = decode(input);
        // Only a signature answers the session's challenge; a submission without one needs none.
        HolderSessions.Claim claim = proof.activeAuthSignature() == null
                ? holder.claimWithoutChallenge(sessionId, clientSecret) : holder.claim(sessionId, clientSecret);
        VerificationResult result = verifier(claim.accountId()).verify(proof, claim.challenge(), rules(claim.definition()));
        return finish(claim, result);
    }

    /**
     * Completes a session with a chip the server read itself through a relay: the read counts as the
     * session's one submission, claimed, verified and recorded the way {@link #submit} records one.
     */
    public Session completeRead(String sessionId, String clientSecret, ChipRead read) {
        HolderSessions.Claim claim = holder.claimWithoutChallenge(sessionId, clientSecret);
        VerificationResult result = verifier(claim.accountId()).verify(read, rules(claim.definition()));
        return finish(claim, result);
    }

    /** The account's view of this environment: its trust anchors and its sanctions list (test adds its flagged mocks). */
    private DocumentVerifier verifier(String accountId) {
        return new DocumentVerifier(trust.anchors(), knownMockCscaKeys.get(), sanctions.current(accountId), clock);
    }

    private Session finish(HolderSessions.Claim claim, VerificationResult result) {
        String nullifier = result.nullifierInput().map(input -> nullifier(claim.accountId(), input)).orElse(null);
        return holder.finish(claim, ResultWriter.verdict(result, claim.definition().disclosures(), nullifier));
    }

    /** A stable pseudonym of the document within the account: no PII, but the same passport twice matches. */
    String nullifier(String accountId, String nullifierInput) {
        byte[] mac = Crypto.hmacSha256(nullifierKey,
                (accountId + "\n" + nullifierInput).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    static Rules rules(FlowDefinition def) {
        Set<DocumentType> types = new HashSet<>();
        for (String type : def.documents()) {
            types.add("id_card".equals(type) ? DocumentType.ID_CARD : DocumentType.PASSPORT);
        }
        var r = def.rules();
        return new Rules(r.minimumAge(), Set.copyOf(r.includedCountries()), Set.copyOf(r.excludedCountries()),
                r.ofac(), r.rejectExpiredDocuments(), types, r.requireChipAuthentication());
    }

    private static DocumentProof decode(SubmissionInput input) {
        List<Issue> issues = new ArrayList<>();
        byte[] dg1 = field("dg1", input.dg1(), DocumentVerifier.MAX_DG1_LENGTH, true, issues);
        byte[] sod = field("sod", input.sod(), MAX_SOD, true, issues);
        // Without DG15 (most passports) or a signature there is no chip proof: the flow's rule decides.
        byte[] dg15 = field("dg15", input.dg15(), MAX_DG15, false, issues);
        byte[] signature = field("activeAuthSignature", input.activeAuthSignature(), MAX_SIGNATURE, false, issues);
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new DocumentProof(dg1, sod, dg15.length == 0 ? null : dg15, signature.length == 0 ? null : signature);
    }

    private static byte[] field(String name, String value, int maxBytes, boolean required, List<Issue> issues) {
        if (value == null || value.isEmpty()) {
            if (required) {
                issues.add(new Issue(name, "is required (base64 of the chip's " + name + ")"));
            }
            return new byte[0];
        }
        if (value.length() > (maxBytes / 3 + 1) * 4 + 4) {
            issues.add(new Issue(name, "is larger than " + maxBytes + " bytes"));
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            issues.add(new Issue(name, "is not valid base64"));
            return new byte[0];
        }
    }
}
