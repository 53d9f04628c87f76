package dev.proofdesk.passport.mock;

import java.util.Objects;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;

/**
 * The cryptography a mock chip offers: the PACE protocol its EF.CardAccess announces, and the
 * Chip Authentication protocol of its DG14. Real documents vary here (3DES on older French,
 * Malaysian and Russian chips, Diffie-Hellman on a few, PACE-CAM on recent German ones), and a
 * terminal must read them all; {@link #DEFAULT} is what most current chips use.
 */
public record ChipProtocols(Pace pace, ChipAuth chipAuthentication) {
    public static final ChipProtocols DEFAULT = new ChipProtocols(Pace.ECDH_GM_AES, ChipAuth.ECDH_AES);

    public ChipProtocols {
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(chipAuthentication, "chipAuthentication");
        if (pace.chipAuthenticationMapping() && chipAuthentication.diffieHellman()) {
            throw new IllegalArgumentException("PACE-CAM proves an elliptic-curve Chip Authentication key, not a DH one");
        }
    }

    /** PACE as EF.CardAccess announces it: mapping, key agreement, secure-messaging cipher, domain parameters. */
    public enum Pace {
        /** Generic mapping on NIST P-256, AES-128: most identity cards and passports. */
        ECDH_GM_AES(SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128, PACEInfo.PARAM_ID_ECP_NIST_P256_R1),
        /** Generic mapping on brainpoolP256r1 with 3DES secure messaging, as on New Zealand passports. */
        ECDH_GM_3DES(SecurityInfo.ID_PACE_ECDH_GM_3DES_CBC_CBC, PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1),
        /** Generic mapping on the 1024-bit MODP group of RFC 5114, AES-128. */
        DH_GM_AES(SecurityInfo.ID_PACE_DH_GM_AES_CBC_CMAC_128, PACEInfo.PARAM_ID_GFP_1024_160),
        /** Generic mapping on the 1024-bit MODP group of RFC 5114, 3DES. */
        DH_GM_3DES(SecurityInfo.ID_PACE_DH_GM_3DES_CBC_CBC, PACEInfo.PARAM_ID_GFP_1024_160),
        /**
         * Chip authentication mapping on brainpoolP256r1, AES-128, as on recent German documents:
         * the chip proves the Chip Authentication key of its EF.CardSecurity within PACE itself.
         * EF.CardAccess offers generic mapping too, for terminals without CAM. Needs a chip with
         * Chip Authentication ({@link ChipAuthentication#CHIP}) and ECDH.
         */
        ECDH_CAM_AES(SecurityInfo.ID_PACE_ECDH_CAM_AES_CBC_CMAC_128, PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1);

        private final String oid;
        private final int parameterId;

        Pace(String oid, int parameterId) {
            this.oid = oid;
            this.parameterId = parameterId;
        }

        public String oid() {
            return oid;
        }

        public int parameterId() {
            return parameterId;
        }

        public boolean chipAuthenticationMapping() {
            return this == ECDH_CAM_AES;
        }
    }

    /** Chip Authentication as DG14 announces it. */
    public enum ChipAuth {
        /** ECDH on P-256, AES-128 secure messaging afterwards. */
        ECDH_AES(SecurityInfo.ID_CA_ECDH_AES_CBC_CMAC_128, SecurityInfo.ID_PK_ECDH),
        /** ECDH on P-256, 3DES secure messaging afterwards, as on older French, Malaysian and Russian passports. */
        ECDH_3DES(SecurityInfo.ID_CA_ECDH_3DES_CBC_CBC, SecurityInfo.ID_PK_ECDH),
        /** Diffie-Hellman on the 1024-bit MODP group of RFC 5114, 3DES secure messaging afterwards. */
        DH_3DES(SecurityInfo.ID_CA_DH_3DES_CBC_CBC, SecurityInfo.ID_PK_DH);

        private final String oid;
        private final String keyOid;

        ChipAuth(String oid, String keyOid) {
            this.oid = oid;
            this.keyOid = keyOid;
        }

        public String oid() {
            return oid;
        }

        /** The ChipAuthenticationPublicKeyInfo's protocol: {@code id-PK-ECDH} or {@code id-PK-DH}. */
        public String keyOid() {
            return keyOid;
        }

        public boolean diffieHellman() {
            return this == DH_3DES;
        }
    }
}
