package dev.proofdesk.passport.lds;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * A parsed EF.SOD: the CMS SignedData (tag {@code 77}) whose content is the LDS security
 * object listing one hash per data group, signed by the document signer (DSC) it carries.
 *
 * @param hashes data-group number to its hash, as signed
 */
public record SecurityObject(
        CMSSignedData signedData,
        SignerInformation signer,
        X509CertificateHolder documentSigner,
        AlgorithmIdentifier digestAlgorithm,
        Map<Integer, byte[]> hashes) {

    /** EF.SOD is a few kilobytes; refusing giants keeps hostile input cheap. */
    public static final int MAX_LENGTH = 64 * 1024;

    public SecurityObject {
        hashes = Collections.unmodifiableMap(new TreeMap<>(hashes));
    }

    public static SecurityObject parse(byte[] sod) {
        if (sod == null || sod.length == 0 || sod.length > MAX_LENGTH) {
            throw new MalformedDocumentException("SOD is missing or larger than " + MAX_LENGTH + " bytes");
        }
        try {
            ASN1Primitive outer = ASN1Primitive.fromByteArray(sod);
            if (!(outer instanceof ASN1TaggedObject tagged)
                    || tagged.getTagClass() != BERTags.APPLICATION || tagged.getTagNo() != 23) {
                throw new MalformedDocumentException("SOD must be tagged 77");
            }
            ContentInfo contentInfo = ContentInfo.getInstance(tagged.getExplicitBaseObject());
            // BouncyCastle reads any ContentInfo as SignedData; unsigned framing must still be exact.
            if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
                throw new MalformedDocumentException("SOD content info is not SignedData");
            }
            CMSSignedData signedData = new CMSSignedData(contentInfo);
            if (signedData.getVersion() != 3) {
                throw new MalformedDocumentException("SOD SignedData version must be 3");
            }
            if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.getId().equals(signedData.getSignedContentTypeOID())) {
                throw new MalformedDocumentException("SOD content is not an LDS security object");
            }
            Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new MalformedDocumentException("SOD must have exactly one signer, found " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            if (!signedData.getDigestAlgorithmIDs().contains(signer.getDigestAlgorithmID())
                    || signer.getVersion() != (signer.getSID().getSubjectKeyIdentifier() != null ? 3 : 1)) {
                throw new MalformedDocumentException("SOD signer info is inconsistent with its SignedData");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw new MalformedDocumentException("SOD does not carry its document signer certificate");
            }
            byte[] content = (byte[]) signedData.getSignedContent().getContent();
            LDSSecurityObject lds = LDSSecurityObject.getInstance(ASN1Primitive.fromByteArray(content));
            Map<Integer, byte[]> hashes = new TreeMap<>();
            for (DataGroupHash h : lds.getDatagroupHash()) {
                if (hashes.put(h.getDataGroupNumber(), h.getDataGroupHashValue().getOctets()) != null) {
                    throw new MalformedDocumentException("SOD lists data group " + h.getDataGroupNumber() + " twice");
                }
            }
            return new SecurityObject(signedData, signer, matches.iterator().next(), lds.getDigestAlgorithmIdentifier(), hashes);
        } catch (MalformedDocumentException e) {
            throw e;
        } catch (IOException | CMSException | RuntimeException e) {
            // BouncyCastle reports bad structure through many runtime types; all mean the same here.
            throw new MalformedDocumentException("SOD is not a valid CMS SignedData: " + e.getMessage(), e);
        }
    }
}
