package dev.proofdesk.passport;

import dev.proofdesk.passport.aa.ActiveAuthentication;
import dev.proofdesk.passport.chip.ChipAuthMethod;
import dev.proofdesk.passport.chip.ChipProof;
import dev.proofdesk.passport.lds.Dg14;
import dev.proofdesk.passport.lds.MalformedDocumentException;
import dev.proofdesk.passport.lds.SecurityObject;
import dev.proofdesk.passport.pki.PassiveAuthenticationResult;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Step 3 of verification: the chip proved it is genuine, with a key that passive authentication
 * vouches for. A Chip Authentication or Active Authentication result counts only when the DG14
 * or DG15 holding its key was hashed as read and matches the SOD; a PACE-CAM result only when
 * EF.CardSecurity, holding its key, verifies like the SOD; the AA signature and the CAM data are
 * checked here, never trusted from whoever collected them. One check, named for the method used:
 * PACE-CAM is Chip Authentication done during PACE, and counts as such.
 *
 * @param groups the data groups as read, by number
 * @param dg15Key DG15's key, already parsed, or null
 * @param relayed the server read the chip itself, so every data group the SOD lists was offered to it
 * @param cardSecurity EF.CardSecurity as read with PACE-CAM, or null
 */
record ChipCheck(Map<Integer, byte[]> groups, SubjectPublicKeyInfo dg15Key, SecurityObject sod,
                 PassiveAuthenticationResult pa, boolean relayed, byte[] cardSecurity, PassiveAuthenticator passive,
                 Instant now) {

    /** Adds the chip check (none when no proof exists and the flow does not require one); returns the proven method. */
    ChipAuthMethod apply(Checks checks, ChipProof proof, boolean required) {
        return switch (proof) {
            case ChipProof.ChipAuthenticated ca -> chipAuthenticated(checks, ca.keyId());
            case ChipProof.ChipAuthenticationFailed failed -> {
                checks.fail(CheckName.CHIP_AUTHENTICATION, FailureCode.CHIP_NOT_GENUINE,
                        "the chip did not answer under the keys agreed with its DG14 key: " + failed.reason());
                yield ChipAuthMethod.NONE;
            }
            case ChipProof.PaceChipAuthenticated cam -> chipAuthenticationMapping(checks, cam);
            case ChipProof.ActiveAuthentication aa -> activeAuthentication(checks, aa);
            case ChipProof.None none -> {
                noProof(checks, required);
                yield ChipAuthMethod.NONE;
            }
        };
    }

    private ChipAuthMethod chipAuthenticated(Checks checks, int keyId) {
        byte[] dg14 = groups.get(14);
        String problem;
        if (dg14 == null) {
            problem = "Chip Authentication was reported without DG14";
        } else if (!pa.hashMatches(14)) {
            problem = "the DG14 whose key the chip proved does not match the SOD";
        } else if (!holdsKey(dg14, keyId)) {
            problem = "DG14 holds no Chip Authentication key " + (keyId < 0 ? "without id" : "with id " + keyId);
        } else {
            checks.pass(CheckName.CHIP_AUTHENTICATION);
            return ChipAuthMethod.CHIP_AUTHENTICATION;
        }
        checks.fail(CheckName.CHIP_AUTHENTICATION, FailureCode.CHIP_NOT_GENUINE, problem);
        return ChipAuthMethod.NONE;
    }

    private ChipAuthMethod chipAuthenticationMapping(Checks checks, ChipProof.PaceChipAuthenticated cam) {
        String problem = ChipAuthenticationMapping.problem(cardSecurity, cam, passive, pa.issuer(), now);
        if (problem == null) {
            checks.pass(CheckName.CHIP_AUTHENTICATION);
            return ChipAuthMethod.CHIP_AUTHENTICATION;
        }
        checks.fail(CheckName.CHIP_AUTHENTICATION, FailureCode.CHIP_NOT_GENUINE, problem);
        return ChipAuthMethod.NONE;
    }

    private ChipAuthMethod activeAuthentication(Checks checks, ChipProof.ActiveAuthentication aa) {
        String problem;
        if (dg15Key == null) {
            problem = "no DG15 to check the chip's signature against";
        } else if (!pa.hashMatches(15)) {
            problem = "the DG15 whose key signed does not match the SOD";
        } else if (!ActiveAuthentication.verify(dg15Key, aa.challenge(), aa.signature())) {
            problem = "the chip's signature does not verify over this session's challenge";
        } else {
            checks.pass(CheckName.ACTIVE_AUTHENTICATION);
            return ChipAuthMethod.ACTIVE_AUTHENTICATION;
        }
        checks.fail(CheckName.ACTIVE_AUTHENTICATION, FailureCode.CHIP_NOT_GENUINE, problem);
        return ChipAuthMethod.NONE;
    }

    private void noProof(Checks checks, boolean required) {
        if (relayed) {
            // A genuine chip gives every data group its SOD lists; one that hides DG14 or DG15 hides its proof.
            var withheld = new TreeSet<>(sod.hashes().keySet());
            withheld.retainAll(java.util.Set.of(14, 15));
            withheld.removeAll(groups.keySet());
            if (!withheld.isEmpty()) {
                checks.fail(CheckName.CHIP_AUTHENTICATION, FailureCode.CHIP_NOT_GENUINE,
                        "the SOD lists DG" + withheld.first() + " but the chip did not give it");
                return;
            }
        }
        if (required) {
            checks.fail(CheckName.CHIP_AUTHENTICATION, FailureCode.CHIP_AUTHENTICATION_UNAVAILABLE,
                    relayed ? "the chip offers neither Chip Authentication (DG14) nor Active Authentication (DG15)"
                            : groups.containsKey(15) ? "no active-authentication signature was submitted"
                            : "no DG15 was submitted, so the chip did not prove it is genuine");
        }
    }

    private static boolean holdsKey(byte[] dg14, int keyId) {
        try {
            return Dg14.hasChipAuthenticationKey(dg14, keyId);
        } catch (MalformedDocumentException e) {
            return false;
        }
    }
}
