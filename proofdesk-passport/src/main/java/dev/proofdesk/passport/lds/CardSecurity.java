package dev.proofdesk.passport.lds;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.jmrtd.Util;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.protocol.PACEProtocol;

/**
 * A parsed EF.CardSecurity (ICAO 9303 part 11 §9.2.2, BSI TR-03110): a CMS SignedData whose
 * content ({@code id-SecurityObject}) is the chip's security infos, among them the Chip
 * Authentication public key that PACE-CAM proves, signed by a document signer it carries, like the
 * SOD. Unlike the SOD it has no {@code 77} tag.
 *
 * @param chipKeys the chip's Chip Authentication keys (EC: PACE-CAM runs on elliptic curves only);
 *     PACE-CAM proves one of them (German documents hold two, one with the PACE parameter id as key id)
 */
public record CardSecurity(CMSSignedData signedData, SignerInformation signer, X509CertificateHolder documentSigner,
                           List<ECPublicKey> chipKeys) {
    /** {@code bsi-de security-objects id-SecurityObject}: the content type of EF.CardSecurity. */
    public static final ASN1ObjectIdentifier SECURITY_OBJECT = new ASN1ObjectIdentifier("0.4.0.127.0.7.3.2.1");
    /** EF.CardSecurity holds a few keys and the document signer: kilobytes. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final ASN1ObjectIdentifier ID_PK_ECDH = new ASN1ObjectIdentifier(SecurityInfo.ID_PK_ECDH);
    private static final ASN1ObjectIdentifier STANDARDIZED_DOMAIN_PARAMETERS = new ASN1ObjectIdentifier("0.4.0.127.0.7.1.2");

    public CardSecurity {
        chipKeys = List.copyOf(chipKeys);
    }

    public static CardSecurity parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_LENGTH) {
            throw new MalformedDocumentException("EF.CardSecurity is missing or larger than " + MAX_LENGTH + " bytes");
        }
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(bytes);
            if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
                throw new MalformedDocumentException("EF.CardSecurity is not a CMS SignedData");
            }
            CMSSignedData signedData = new CMSSignedData(contentInfo);
            if (!SECURITY_OBJECT.getId().equals(signedData.getSignedContentTypeOID())) {
                throw new MalformedDocumentException("EF.CardSecurity does not sign security infos");
            }
            Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new MalformedDocumentException("EF.CardSecurity must have exactly one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw new MalformedDocumentException("EF.CardSecurity does not carry its document signer certificate");
            }
            byte[] content = (byte[]) signedData.getSignedContent().getContent();
            return new CardSecurity(signedData, signer, matches.iterator().next(), chipKeys(content));
        } catch (MalformedDocumentException e) {
            throw e;
        } catch (CMSException | RuntimeException e) {
            throw new MalformedDocumentException("EF.CardSecurity is not a valid CMS SignedData: " + e.getMessage(), e);
        }
    }

    /**
     * Whether PACE-CAM data proves one of these keys: {@code [ca]·chipKey} is the mapping key the
     * chip used in PACE, which only the holder of the private key can bring about.
     *
     * @param mappingKey the chip's PACE mapping public key (an encoded point)
     * @param ca the chip authentication data the chip sent, decrypted
     */
    public boolean provenBy(byte[] mappingKey, byte[] ca) {
        for (ECPublicKey key : chipKeys) {
            if (proves(key, mappingKey, ca)) {
                return true;
            }
        }
        return false;
    }

    private static boolean proves(ECPublicKey chipKey, byte[] mappingKey, byte[] ca) {
        ECParameterSpec params = chipKey.getParams();
        BigInteger factor = new BigInteger(1, ca);
        if (factor.signum() == 0 || factor.compareTo(params.getOrder()) >= 0) {
            return false;
        }
        ECPoint mapping;
        try {
            mapping = ((ECPublicKey) PACEProtocol.decodePublicKeyFromSmartCard(mappingKey, params)).getW();
        } catch (RuntimeException e) {
            return false; // Not a point of the chip key's curve.
        }
        ECPoint computed = Util.multiply(factor, chipKey.getW(), params);
        return computed.getAffineX().equals(mapping.getAffineX()) && computed.getAffineY().equals(mapping.getAffineY());
    }

    /**
     * The elliptic-curve keys of the ChipAuthenticationPublicKeyInfos. Their domain parameters are
     * either in the key or, as German documents have them, a standardized parameter id
     * ({@code 0.4.0.127.0.7.1.2} with an INTEGER), which JMRTD does not read.
     */
    private static List<ECPublicKey> chipKeys(byte[] securityInfos) {
        List<ECPublicKey> keys = new ArrayList<>();
        for (ASN1Encodable element : ASN1Set.getInstance(securityInfos)) {
            ASN1Sequence info = ASN1Sequence.getInstance(element);
            if (info.size() < 2 || !ID_PK_ECDH.equals(info.getObjectAt(0))) {
                continue;
            }
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(info.getObjectAt(1));
            try {
                ASN1Encodable parameters = spki.getAlgorithm().getParameters();
                if (STANDARDIZED_DOMAIN_PARAMETERS.equals(spki.getAlgorithm().getAlgorithm())
                        && parameters instanceof ASN1Integer id) {
                    keys.add((ECPublicKey) PACEProtocol.decodePublicKeyFromSmartCard(spki.getPublicKeyData().getOctets(),
                            PACEInfo.toParameterSpec(id.getValue())));
                } else if (KeyFactory.getInstance("EC", Util.getBouncyCastleProvider())
                        .generatePublic(new X509EncodedKeySpec(spki.getEncoded())) instanceof ECPublicKey ec) {
                    keys.add(ec);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new MalformedDocumentException("EF.CardSecurity holds a Chip Authentication key that cannot be read", e);
            }
        }
        if (keys.isEmpty()) {
            throw new MalformedDocumentException("EF.CardSecurity holds no elliptic-curve Chip Authentication key");
        }
        return List.copyOf(keys);
    }
}
