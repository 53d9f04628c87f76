package dev.proofdesk.passport.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance this library uses, passed explicitly to every JCA
 * call rather than registered globally: registering would change behaviour for the host
 * application, and the JDK's own X.509 parser rejects EC keys with explicit parameters.
 */
public final class Bc {
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
