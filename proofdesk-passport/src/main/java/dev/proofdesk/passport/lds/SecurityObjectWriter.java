package dev.proofdesk.passport.lds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Builds EF.SOD (SHA-256 hashes of the data groups) and EF.CardSecurity (the chip's security
 * infos), each signed as CMS by a document signer.
 */
public final class SecurityObjectWriter {
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    private SecurityObjectWriter() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The hashes are passed in rather than computed so a test can sign stale ones on purpose. */
    public static byte[] write(Map<Integer, byte[]> hashes, ContentSigner signer, X509CertificateHolder documentSigner,
                               Instant signingTime) {
        List<DataGroupHash> entries = new ArrayList<>();
        hashes.forEach((dg, hash) -> entries.add(new DataGroupHash(dg, new DEROctetString(hash))));
        try {
            byte[] content = new LDSSecurityObject(SHA256, entries.toArray(DataGroupHash[]::new)).getEncoded();
            ASN1Encodable contentInfo = signed(ICAOObjectIdentifiers.id_icao_ldsSecurityObject, content, signer,
                    documentSigner, signingTime);
            return new DERTaggedObject(true, BERTags.APPLICATION, 23, contentInfo).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EF.CardSecurity: the DER {@code SET OF SecurityInfo}, signed; a bare ContentInfo, without the SOD's tag. */
    public static byte[] writeCardSecurity(byte[] securityInfos, ContentSigner signer, X509CertificateHolder documentSigner,
                                           Instant signingTime) {
        try {
            return signed(CardSecurity.SECURITY_OBJECT, securityInfos, signer, documentSigner, signingTime)
                    .toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ASN1Encodable signed(ASN1ObjectIdentifier contentType, byte[] content, ContentSigner signer,
                                        X509CertificateHolder documentSigner, Instant signingTime) {
        try {
            Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            attributes.put(CMSAttributes.signingTime,
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(signer, documentSigner));
            generator.addCertificate(documentSigner);
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(contentType, content), true);
            return signed.toASN1Structure();
        } catch (CMSException | OperatorCreationException e) {
            throw new IllegalStateException("could not sign the security object", e);
        }
    }
}
