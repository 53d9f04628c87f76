package dev.proofdesk.passport.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.LDSFile;

/**
 * The files of a mock chip besides DG1, DG15 and the SOD. DG14 announces Chip Authentication
 * (the {@link ChipProtocols.ChipAuth} chosen) for chips that offer it, and for EC chips with
 * Active Authentication the signature algorithm (ecdsa-plain-SHA256), as ICAO requires; RSA
 * chips with Active Authentication alone need no security info. EF.CardAccess announces the
 * {@link ChipProtocols.Pace} chosen.
 */
final class ChipFiles {
    private static final ASN1ObjectIdentifier ID_AA = new ASN1ObjectIdentifier("2.23.136.1.1.5");
    private static final ASN1ObjectIdentifier ECDSA_PLAIN_SHA256 = new ASN1ObjectIdentifier("0.4.0.127.0.7.1.1.4.1.3");

    private ChipFiles() {
    }

    /** @param aaKey DG15's key, or null; @param caKey the Chip Authentication key, or null */
    static byte[] dg14(PublicKey aaKey, PublicKey caKey, ChipProtocols.ChipAuth protocol) {
        List<ASN1Encodable> infos = new ArrayList<>();
        if (aaKey instanceof ECPublicKey) {
            infos.add(new DERSequence(new ASN1Encodable[] {ID_AA, new ASN1Integer(1), ECDSA_PLAIN_SHA256}));
        }
        if (caKey != null) {
            infos.add(new ChipAuthenticationInfo(protocol.oid(), ChipAuthenticationInfo.VERSION_1).getDERObject());
            infos.add(new ChipAuthenticationPublicKeyInfo(protocol.keyOid(), caKey).getDERObject());
        }
        try {
            return new DERTaggedObject(true, BERTags.APPLICATION, 14, new DERSet(infos.toArray(ASN1Encodable[]::new)))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DG2 (tag {@code 75}) without a face: an SOD lists at least two data groups, and a chip
     * with neither DG14 nor DG15 would otherwise have only DG1. Terminals never read it.
     */
    static byte[] placeholderDg2() {
        return new byte[] {0x75, 0x03, 0x7F, 0x61, 0x00};
    }

    static byte[] cardAccess(ChipProtocols.Pace pace) {
        try {
            return new DERSet(paceInfos(pace).toArray(ASN1Encodable[]::new)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chip with PACE-CAM offers generic mapping on the same curve as well, as German documents do. */
    private static List<ASN1Encodable> paceInfos(ChipProtocols.Pace pace) {
        List<ASN1Encodable> infos = new ArrayList<>();
        if (pace.chipAuthenticationMapping()) {
            infos.add(new PACEInfo(SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128, 2, pace.parameterId()).getDERObject());
        }
        infos.add(new PACEInfo(pace.oid(), 2, pace.parameterId()).getDERObject());
        return infos;
    }

    /**
     * The content of EF.CardSecurity: the PACE infos, and the Chip Authentication key that PACE-CAM
     * proves, with its protocol. The issuer signs it like the SOD.
     */
    static byte[] cardSecurityInfos(ChipProtocols protocols, PublicKey caKey) {
        List<ASN1Encodable> infos = paceInfos(protocols.pace());
        infos.add(new ChipAuthenticationInfo(protocols.chipAuthentication().oid(), ChipAuthenticationInfo.VERSION_1)
                .getDERObject());
        infos.add(new ChipAuthenticationPublicKeyInfo(protocols.chipAuthentication().keyOid(), caKey).getDERObject());
        try {
            return new DERSet(infos.toArray(ASN1Encodable[]::new)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] com(boolean dg2, boolean dg14, boolean dg15) {
        List<Integer> tags = new ArrayList<>(List.of(LDSFile.EF_DG1_TAG));
        if (dg2) {
            tags.add(LDSFile.EF_DG2_TAG);
        }
        if (dg14) {
            tags.add(LDSFile.EF_DG14_TAG);
        }
        if (dg15) {
            tags.add(LDSFile.EF_DG15_TAG);
        }
        return new COMFile("1.7", "4.0.0", tags.stream().mapToInt(Integer::intValue).toArray()).getEncoded();
    }
}
