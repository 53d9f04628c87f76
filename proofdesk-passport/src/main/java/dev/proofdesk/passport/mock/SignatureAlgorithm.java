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

        /**
         * A key on PACE's standardized domain parameters (ICAO 9303 part 11 §9.5.1): {@code EC} on
         * brainpoolP256r1 (13) for PACE-CAM, {@code DH} on the 1024-bit MODP group of RFC 5114 (0).
         */
        static KeyPair onPaceParameters(String algorithm, int parameterId) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, org.jmrtd.Util.getBouncyCastleProvider());
                g.initialize(org.jmrtd.lds.PACEInfo.toParameterSpec(parameterId));
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " key generation is unavailable", e);
            }
        }
    }
}
