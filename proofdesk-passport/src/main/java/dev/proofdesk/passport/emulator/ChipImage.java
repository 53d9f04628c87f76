package dev.proofdesk.passport.emulator;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * Everything an emulated chip holds: its files, its private keys, which access protocols it
 * accepts, and the access data printed on the document (MRZ fields and CAN).
 *
 * <p>Serialised ({@link #toBytes()}) as one version byte ({@code 01}) followed by a DER sequence:
 * <pre>
 * ChipImage ::= SEQUENCE {
 *   bac BOOLEAN, pace BOOLEAN,
 *   documentNumber UTF8String, dateOfBirth UTF8String, dateOfExpiry UTF8String, -- YYMMDD
 *   can UTF8String,
 *   files SEQUENCE OF SEQUENCE { fid INTEGER, content OCTET STRING },
 *   aaKey OCTET STRING,   -- PKCS#8, empty when the chip has no Active Authentication
 *   caKey OCTET STRING,   -- PKCS#8, empty when the chip has no Chip Authentication
 *   caKeyId INTEGER       -- -1: the DG14 key has no id
 * }
 * </pre>
 * The bytes hold private keys: whoever stores them must encrypt them.
 *
 * @param files file contents by file identifier (EF.CardAccess {@code 011C}, EF.COM {@code 011E},
 *     EF.SOD {@code 011D}, DG1 {@code 0101}, ...; EF.CardSecurity, {@code 011D} in the master file,
 *     as {@link #EF_CARD_SECURITY})
 * @param aaKeyPkcs8 the key INTERNAL AUTHENTICATE signs with, or null
 * @param caKeyPkcs8 the key Chip Authentication agrees with, or null
 */
public record ChipImage(boolean bac, boolean pace, String documentNumber, String dateOfBirth, String dateOfExpiry,
                        String can, Map<Integer, byte[]> files, byte[] aaKeyPkcs8, byte[] caKeyPkcs8, int caKeyId) {
    public static final int EF_CARD_ACCESS = 0x011C;
    public static final int EF_SOD = 0x011D;
    public static final int EF_COM = 0x011E;
    /** EF.CardSecurity: {@code 011D} like EF.SOD, but in the master file, so kept under a key of its own. */
    public static final int EF_CARD_SECURITY = 0x1011D;
    private static final int VERSION = 1;

    public ChipImage {
        if (!bac && !pace) {
            throw new IllegalArgumentException("a chip accepts BAC, PACE or both");
        }
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
        Objects.requireNonNull(can, "can");
        files = Map.copyOf(files);
        if (pace && !files.containsKey(EF_CARD_ACCESS)) {
            throw new IllegalArgumentException("a PACE chip needs EF.CardAccess");
        }
        aaKeyPkcs8 = empty(aaKeyPkcs8) ? null : aaKeyPkcs8.clone();
        caKeyPkcs8 = empty(caKeyPkcs8) ? null : caKeyPkcs8.clone();
    }

    /** A data group's file identifier: {@code 01} followed by its number. */
    public static int dataGroupFid(int number) {
        return 0x0100 | number;
    }

    public byte[] toBytes() {
        ASN1EncodableVector fileList = new ASN1EncodableVector();
        new TreeMap<>(files).forEach((fid, content) -> fileList.add(
                new DERSequence(new ASN1Encodable[] {new ASN1Integer(fid), new DEROctetString(content)})));
        ASN1Encodable[] all = {
            ASN1Boolean.getInstance(bac), ASN1Boolean.getInstance(pace),
            new DERUTF8String(documentNumber), new DERUTF8String(dateOfBirth), new DERUTF8String(dateOfExpiry),
            new DERUTF8String(can), new DERSequence(fileList),
            new DEROctetString(aaKeyPkcs8 == null ? new byte[0] : aaKeyPkcs8),
            new DEROctetString(caKeyPkcs8 == null ? new byte[0] : caKeyPkcs8),
            new ASN1Integer(caKeyId)};
        try {
            byte[] der = new DERSequence(all).getEncoded();
            byte[] out = new byte[der.length + 1];
            out[0] = VERSION;
            System.arraycopy(der, 0, out, 1, der.length);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    public static ChipImage fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 2 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not a chip image of version " + VERSION);
        }
        try {
            ASN1Sequence s = ASN1Sequence.getInstance(Arrays.copyOfRange(bytes, 1, bytes.length));
            Map<Integer, byte[]> files = new TreeMap<>();
            for (ASN1Encodable element : ASN1Sequence.getInstance(s.getObjectAt(6))) {
                ASN1Sequence file = ASN1Sequence.getInstance(element);
                files.put(ASN1Integer.getInstance(file.getObjectAt(0)).intValueExact(), octets(file, 1));
            }
            return new ChipImage(bool(s, 0), bool(s, 1), text(s, 2), text(s, 3), text(s, 4), text(s, 5), files,
                    octets(s, 7), octets(s, 8), ASN1Integer.getInstance(s.getObjectAt(9)).intValueExact());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a chip image: " + e.getMessage(), e);
        }
    }

    private static boolean empty(byte[] b) {
        return b == null || b.length == 0;
    }

    private static boolean bool(ASN1Sequence s, int i) {
        return ASN1Boolean.getInstance(s.getObjectAt(i)).isTrue();
    }

    private static String text(ASN1Sequence s, int i) {
        return DERUTF8String.getInstance(s.getObjectAt(i)).getString();
    }

    private static byte[] octets(ASN1Sequence s, int i) {
        return ASN1OctetString.getInstance(s.getObjectAt(i)).getOctets();
    }
}
