package dev.proofdesk.passport.chip;

import java.util.Map;
import java.util.Objects;

/**
 * Everything one read of a chip produced. Raw chip data: kept in memory only, never stored.
 *
 * @param sod EF.SOD as read
 * @param dataGroups the data groups read, by number (1, and 14/15 when the chip has them), raw bytes as read
 * @param cardSecurity EF.CardSecurity when PACE-CAM was used, else null
 * @param accessControl how the chip was opened
 * @param proof how the chip proved itself
 * @param apduCount command APDUs sent during the read
 */
public record ChipRead(byte[] sod, Map<Integer, byte[]> dataGroups, byte[] cardSecurity, AccessControl accessControl,
                       ChipProof proof, int apduCount) {
    public ChipRead {
        Objects.requireNonNull(sod, "sod");
        dataGroups = Map.copyOf(dataGroups);
        Objects.requireNonNull(accessControl, "accessControl");
        Objects.requireNonNull(proof, "proof");
    }

    public byte[] dg1() {
        return dataGroups.get(1);
    }

    public byte[] dg14() {
        return dataGroups.get(14);
    }

    public byte[] dg15() {
        return dataGroups.get(15);
    }
}
