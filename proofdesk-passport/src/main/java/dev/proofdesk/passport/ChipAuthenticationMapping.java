package dev.proofdesk.passport;

import dev.proofdesk.passport.chip.ChipProof;
import dev.proofdesk.passport.lds.CardSecurity;
import dev.proofdesk.passport.lds.MalformedDocumentException;
import dev.proofdesk.passport.pki.IssuerStatus;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import java.time.Instant;

/**
 * The verifier's half of PACE-CAM (ICAO 9303 part 11 §4.4.3.5): the chip's Chip Authentication
 * key comes from EF.CardSecurity, which must verify under its own document signer and be trusted
 * as the SOD is (the same anchors, validity and revocation); then the chip's data proves it holds
 * that key when {@code [CA]·PK = PK_Map}, the mapping key it used in this session's PACE.
 */
final class ChipAuthenticationMapping {
    private ChipAuthenticationMapping() {
    }

    /** @return why the proof does not hold, or null when it does */
    static String problem(byte[] cardSecurity, ChipProof.PaceChipAuthenticated proof, PassiveAuthenticator passive,
                          IssuerStatus sodIssuer, Instant now) {
        if (cardSecurity == null) {
            return "PACE-CAM was reported without EF.CardSecurity";
        }
        CardSecurity parsed;
        try {
            parsed = CardSecurity.parse(cardSecurity);
        } catch (MalformedDocumentException e) {
            return e.getMessage();
        }
        PassiveAuthenticator.SignerStatus signer = passive.verifySigner(parsed.signer(), parsed.documentSigner(), now);
        if (!signer.signatureValid()) {
            return "EF.CardSecurity's signature does not verify under its document signer certificate";
        }
        if (sodIssuer == IssuerStatus.TRUSTED && signer.issuer() != IssuerStatus.TRUSTED) {
            return "EF.CardSecurity's document signer was not issued by a CSCA this environment trusts";
        }
        if (!signer.dscCurrent() || signer.revoked()) {
            return "EF.CardSecurity's document signer certificate is outside its validity period or revoked";
        }
        if (!parsed.provenBy(proof.mappingKey(), proof.chipAuthenticationData())) {
            return "the chip's PACE-CAM data does not match the Chip Authentication key of EF.CardSecurity";
        }
        return null;
    }
}
