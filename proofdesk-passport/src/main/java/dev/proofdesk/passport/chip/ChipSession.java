package dev.proofdesk.passport.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.AccessKeySpec;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.protocol.PACECAMResult;
import org.jmrtd.protocol.PACEResult;

/**
 * One attempt at reading a chip: access control (PACE from EF.CardAccess, with chip
 * authentication mapping when the chip offers it, else BAC), EF.SOD, then DG1, DG14 and DG15 as
 * far as the SOD lists them and the chip's proof needs them, then the proof ({@link ChipProofs}).
 * A chip proven by PACE-CAM needs neither DG14 nor Chip Authentication: its EF.CardSecurity is
 * read instead. Raises {@link ChipReadException} with the reason to report.
 */
final class ChipSession {
    private static final Set<Integer> NEEDED = Set.of(1, 14, 15);

    private final RelayCardService card;
    private final PassportService passport;
    private final int blockSize;
    private final boolean extendedLength;
    private final AccessKey key;
    private final ReadProgress progress;
    private final ChipProofs proofs;
    /** Set by a PACE with chip authentication mapping: its proof and the EF.CardSecurity that holds its key. */
    private ChipProof mappingProof;
    private byte[] cardSecurity;

    ChipSession(RelayCardService card, boolean extendedLength, AccessKey key, ReadProgress progress, ChipProofs proofs) {
        this.card = card;
        this.extendedLength = extendedLength;
        this.blockSize = extendedLength ? 0xFFFF : PassportService.DEFAULT_MAX_BLOCKSIZE;
        this.passport = new PassportService(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                extendedLength ? PassportService.EXTENDED_MAX_TRANCEIVE_LENGTH : PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                blockSize, true, true);
        this.key = key;
        this.progress = progress;
        this.proofs = proofs;
    }

    ChipRead read() throws CardServiceException {
        passport.open();
        progress.step("access_control");
        AccessControl access = openChip();
        progress.step("reading");
        byte[] sod = readFile(PassportService.EF_SOD, "EF.SOD");
        Set<Integer> listed;
        try {
            listed = new SODFile(new ByteArrayInputStream(sod)).getDataGroupHashes().keySet();
        } catch (IOException | RuntimeException e) {
            throw new ChipReadException(ChipReadException.Reason.PROTOCOL, "EF.SOD is not a document security object", e);
        }
        Map<Integer, byte[]> groups = new HashMap<>();
        groups.put(1, readFile(PassportService.EF_DG1, "DG1"));
        if (mappingProof != null) {
            return new ChipRead(sod, groups, cardSecurity, access, mappingProof, card.count());
        }
        if (listed.contains(14)) {
            readIfGiven(groups, 14, PassportService.EF_DG14);
        }
        ChipProof proof = groups.containsKey(14) ? proofs.chipAuthentication(passport, card, groups.get(14), groups.get(1), progress)
                : null;
        if (proof == null && listed.contains(15)) {
            readIfGiven(groups, 15, PassportService.EF_DG15);
            if (groups.containsKey(15)) {
                proof = proofs.activeAuthentication(passport, card, extendedLength, groups.get(15), groups.get(14), progress);
            }
        }
        groups.keySet().retainAll(NEEDED);
        return new ChipRead(sod, groups, null, access, proof == null ? new ChipProof.None() : proof, card.count());
    }

    private AccessControl openChip() throws CardServiceException {
        PACEInfo pace = paceInfo();
        if (pace != null) {
            BigInteger parameterId = pace.getParameterId();
            PACEResult result;
            try {
                result = passport.doPACE(paceKey(), pace.getObjectIdentifier(), PACEInfo.toParameterSpec(parameterId),
                        parameterId);
            } catch (CardServiceException e) {
                throw ChipTerminal.accessFailure("PACE", e, card);
            }
            if (result instanceof PACECAMResult cam) {
                readCardSecurity(PaceCam.proof(cam));
            }
            selectApplet(true);
            return AccessControl.PACE;
        }
        if (!(key instanceof AccessKey.Mrz mrz)) {
            throw new ChipReadException(ChipReadException.Reason.ACCESS_UNSUPPORTED,
                    "this chip has no PACE, so it opens only with the MRZ (document number and dates), not the CAN");
        }
        selectApplet(false);
        try {
            passport.doBAC(new BACKey(mrz.documentNumberField(), mrz.dateOfBirth(), mrz.dateOfExpiry()));
        } catch (CardServiceException e) {
            throw ChipTerminal.accessFailure("BAC", e, card);
        }
        return AccessControl.BAC;
    }

    /**
     * EF.CardSecurity, in the master file, holds the key PACE-CAM proved; without it the proof is
     * Chip Authentication's. JMRTD reads the master file without secure messaging, which a chip
     * refuses after PACE, so it is read here under the PACE keys.
     */
    private void readCardSecurity(ChipProof proof) throws CardServiceException {
        try {
            cardSecurity = new SecureFile(passport.getWrapper(), card, extendedLength).read(PassportService.EF_CARD_SECURITY);
            mappingProof = proof;
        } catch (CardServiceException e) {
            if (ChipTerminal.statusWord(e) != 0x6A82 || card.linkFailure() != null) {
                throw e;
            }
        }
    }

    /**
     * The PACE protocol EF.CardAccess offers that JMRTD runs, chip authentication mapping first
     * (it proves the chip within PACE), or null when the chip has no PACE.
     */
    static PACEInfo choosePace(CardAccessFile cardAccess) {
        PACEInfo chosen = null;
        for (SecurityInfo info : cardAccess.getSecurityInfos()) {
            if (info instanceof PACEInfo p && p.getParameterId() != null
                    && (chosen == null || PACEInfo.toMappingType(p.getObjectIdentifier()) == PACEInfo.MappingType.CAM)) {
                chosen = p;
            }
        }
        return chosen;
    }

    private PACEInfo paceInfo() throws CardServiceException {
        CardAccessFile cardAccess;
        try (InputStream in = passport.getInputStream(PassportService.EF_CARD_ACCESS, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            cardAccess = new CardAccessFile(in);
        } catch (CardServiceException | IOException | RuntimeException e) {
            if (card.linkFailure() != null) {
                throw new ChipReadException(ChipReadException.Reason.LINK, card.linkFailure().getMessage(), card.linkFailure());
            }
            return null; // No EF.CardAccess: a chip with BAC only.
        }
        return choosePace(cardAccess);
    }

    private AccessKeySpec paceKey() {
        return switch (key) {
            case AccessKey.Can can -> PACEKeySpec.createCANKey(can.can());
            case AccessKey.Mrz mrz -> {
                try {
                    yield PACEKeySpec.createMRZKey(new BACKey(mrz.documentNumberField(), mrz.dateOfBirth(), mrz.dateOfExpiry()));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("PACE key derivation is unavailable", e);
                }
            }
        };
    }

    private void selectApplet(boolean secured) {
        try {
            passport.sendSelectApplet(secured);
        } catch (CardServiceException e) {
            if (card.linkFailure() != null) {
                throw new ChipReadException(ChipReadException.Reason.LINK, card.linkFailure().getMessage(), card.linkFailure());
            }
            throw new ChipReadException(ChipReadException.Reason.NOT_A_TRAVEL_DOCUMENT,
                    "the card has no ICAO travel document application", e);
        }
    }

    private byte[] readFile(short fid, String name) throws CardServiceException {
        try (InputStream in = passport.getInputStream(fid, blockSize)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CardServiceException("reading " + name + " failed: " + e.getMessage(), e);
        }
    }

    private void readIfGiven(Map<Integer, byte[]> groups, int number, short fid) throws CardServiceException {
        try {
            groups.put(number, readFile(fid, "DG" + number));
        } catch (CardServiceException e) {
            if (ChipTerminal.statusWord(e) != 0x6A82 || card.linkFailure() != null) {
                throw e;
            }
            // Withheld by the chip: the verifier reports a chip that hides a data group its SOD lists.
        }
    }
}
