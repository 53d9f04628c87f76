package dev.proofdesk.passport.mock;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Document signer algorithms the mock issuer offers, one DSC each. */
public enum SignatureAlgorithm {
    /** RSA-2048, PKCS#1 v1.5 with SHA-256. */
    RSA_2048("SHA256withRSA"),
    /** RSA-2048, RSASSA-PSS with SHA-256 and MGF1-SHA-256. */
    RSA_PSS("SHA256withRSAandMGF1"),
    /** ECDSA on NIST P-256 with SHA-256. */
    ECDSA_P256("SHA256withECDSA");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }

    boolean rsa() {
        return this != ECDSA_P256;
    }

    KeyPair generateSignerKey() {
        return rsa() ? Generators.rsa(2048) : Generators.p256();
    }

    static final class Generators {
        private Generators() {
        }

        static KeyPair rsa(int bits) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(bits);
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA key generation is unavailable", e);
            }
        }

        static KeyPair p256() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("P-256 key generation is unavailable", e);
            }
        }

        /** A Diffie-Hellman key on the 1024-bit MODP group with 160-bit subgroup of RFC 5114 (PACE parameter id 0). */
        static KeyPair dh1024() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("DH", org.jmrtd.Util.getBouncyCastleProvider());
                g.initialize(org.jmrtd.lds.PACEInfo.toParameterSpec(org.jmrtd.lds.PACEInfo.PARAM_ID_GFP_1024_160));
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Diffie-Hellman key generation is unavailable", e);
            }
        }
    }
}
