package dev.proofdesk.passport.lds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.icao.DG14File;

/** DG14 (tag {@code 6E}): the chip's security infos, among them its Chip Authentication public keys. */
public final class Dg14 {
    public static final int MAX_LENGTH = 8192;

    private Dg14() {
    }

    /** The Chip Authentication public keys DG14 announces (none when the chip does not offer Chip Authentication). */
    public static List<ChipAuthenticationPublicKeyInfo> chipAuthenticationKeys(byte[] dg14) {
        return parse(dg14).getChipAuthenticationPublicKeyInfos();
    }

    /** Whether DG14 holds the Chip Authentication key with this id ({@code -1}: a key without id). */
    public static boolean hasChipAuthenticationKey(byte[] dg14, int keyId) {
        for (ChipAuthenticationPublicKeyInfo info : chipAuthenticationKeys(dg14)) {
            BigInteger id = info.getKeyId();
            if (keyId < 0 ? id == null || id.signum() < 0 : id != null && id.intValue() == keyId) {
                return true;
            }
        }
        return false;
    }

    public static DG14File parse(byte[] dg14) {
        if (dg14 == null || dg14.length == 0 || dg14.length > MAX_LENGTH) {
            throw new MalformedDocumentException("DG14 is missing or larger than " + MAX_LENGTH + " bytes");
        }
        try {
            return new DG14File(new ByteArrayInputStream(dg14));
        } catch (IOException | RuntimeException e) {
            throw new MalformedDocumentException("DG14 is not a set of security infos: " + e.getMessage(), e);
        }
    }
}
