package dev.proofdesk.passport.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * DG14 of a mock chip. EC chips announce their active-authentication signature algorithm
 * (ecdsa-plain-SHA256) as ICAO requires; RSA chips need no security info, so theirs is empty.
 */
final class Dg14 {
    private static final ASN1ObjectIdentifier ID_AA = new ASN1ObjectIdentifier("2.23.136.1.1.5");
    private static final ASN1ObjectIdentifier ECDSA_PLAIN_SHA256 = new ASN1ObjectIdentifier("0.4.0.127.0.7.1.1.4.1.3");

    private Dg14() {
    }

    static byte[] forChipKey(PublicKey chipKey) {
        ASN1Encodable[] infos = chipKey instanceof ECPublicKey
                ? new ASN1Encodable[] {new DERSequence(new ASN1Encodable[] {ID_AA, new ASN1Integer(1), ECDSA_PLAIN_SHA256})}
                : new ASN1Encodable[0];
        try {
            return new DERTaggedObject(true, BERTags.APPLICATION, 14, new DERSet(infos)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
