package dev.proofdesk.passport.chip;

import java.util.Objects;

/**
 * What the chip did to prove itself during one read. The verifier trusts a proof only together
 * with passive authentication of the DG14 or DG15 the proof used.
 */
public sealed interface ChipProof {

    /**
     * Chip Authentication completed: the terminal agreed keys with the chip's DG14 key and the
     * chip then answered correctly under the new secure-messaging keys.
     *
     * @param keyId the DG14 key id used, or -1 when DG14 holds a single key without id
     */
    record ChipAuthenticated(int keyId) implements ChipProof {
    }

    /**
     * PACE with chip authentication mapping (PACE-CAM) completed: the chip sent, encrypted under
     * the new session keys, {@code CA = SK⁻¹·SK_Map mod n}, which only the holder of its Chip
     * Authentication key can compute. The verifier checks {@code [CA]·PK = PK_Map} against the key
     * of EF.CardSecurity, whose signature it checks like the SOD's.
     *
     * @param mappingKey the chip's PACE mapping public key {@code PK_Map} (uncompressed point)
     * @param chipAuthenticationData {@code CA}, decrypted
     */
    record PaceChipAuthenticated(byte[] mappingKey, byte[] chipAuthenticationData) implements ChipProof {
        public PaceChipAuthenticated {
            Objects.requireNonNull(mappingKey, "mappingKey");
            Objects.requireNonNull(chipAuthenticationData, "chipAuthenticationData");
        }
    }

    /** Chip Authentication was attempted and the chip did not answer under the new keys. */
    record ChipAuthenticationFailed(String reason) implements ChipProof {
        public ChipAuthenticationFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The chip signed a challenge chosen by the terminal with its DG15 key (INTERNAL AUTHENTICATE).
     * The signature is checked by the verifier, not trusted from the terminal.
     */
    record ActiveAuthentication(byte[] challenge, byte[] signature) implements ChipProof {
        public ActiveAuthentication {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** The chip offers neither Chip Authentication (no DG14) nor Active Authentication (no DG15). */
    record None() implements ChipProof {
    }
}
