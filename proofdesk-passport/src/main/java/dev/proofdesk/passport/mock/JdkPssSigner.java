package dev.proofdesk.passport.mock;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt) through the JDK's provider, which
 * BouncyCastle's builder cannot address by name; the identifier still comes from BouncyCastle.
 */
final class JdkPssSigner implements ContentSigner {
    private static final AlgorithmIdentifier ID = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSAandMGF1");
    private final PrivateKey key;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    JdkPssSigner(PrivateKey key) {
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ID;
    }

    @Override
    public OutputStream getOutputStream() {
        return content;
    }

    @Override
    public byte[] getSignature() {
        try {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pss.initSign(key);
            pss.update(content.toByteArray());
            return pss.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSASSA-PSS signing failed", e);
        }
    }
}
