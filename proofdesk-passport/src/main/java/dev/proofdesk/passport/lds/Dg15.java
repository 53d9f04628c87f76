package dev.proofdesk.passport.lds;

import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.jmrtd.lds.icao.DG15File;

/** DG15 (tag {@code 6F}): the chip's active-authentication public key as SubjectPublicKeyInfo. */
public final class Dg15 {
    public static final int MAX_LENGTH = 4096;

    private Dg15() {
    }

    public static SubjectPublicKeyInfo parse(byte[] dg15) {
        if (dg15 == null || dg15.length == 0 || dg15.length > MAX_LENGTH) {
            throw new MalformedDocumentException("DG15 is missing or larger than " + MAX_LENGTH + " bytes");
        }
        Tlv outer = Tlv.read(dg15, 0);
        if (outer.tag() != 0x6F || outer.end() != dg15.length) {
            throw new MalformedDocumentException("DG15 must be a single tag 6F object");
        }
        try {
            return SubjectPublicKeyInfo.getInstance(Arrays.copyOfRange(dg15, outer.valueOffset(), outer.end()));
        } catch (RuntimeException e) {
            throw new MalformedDocumentException("DG15 does not hold a public key: " + e.getMessage(), e);
        }
    }

    public static byte[] encode(PublicKey chipKey) {
        try {
            return new DG15File(chipKey).getEncoded();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot encode DG15 for a " + chipKey.getAlgorithm() + " key", e);
        }
    }

}
