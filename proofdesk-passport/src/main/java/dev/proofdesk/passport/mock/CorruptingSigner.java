package dev.proofdesk.passport.mock;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/** Produces a real signature and then flips one bit of it, for the bad-signature defect. */
final class CorruptingSigner implements ContentSigner {
    private final ContentSigner delegate;

    CorruptingSigner(ContentSigner delegate) {
        this.delegate = delegate;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return delegate.getAlgorithmIdentifier();
    }

    @Override
    public OutputStream getOutputStream() {
        return delegate.getOutputStream();
    }

    @Override
    public byte[] getSignature() {
        byte[] signature = delegate.getSignature();
        signature[signature.length / 2] ^= 0x01;
        return signature;
    }
}
