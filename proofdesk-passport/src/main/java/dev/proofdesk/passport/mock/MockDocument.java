package dev.proofdesk.passport.mock;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.emulator.ChipImage;
import java.util.Objects;

/**
 * A mock document as a chip would hold it. For a chip with Active Authentication the server may
 * store {@code chipKeyPkcs8} (encrypted) to answer challenges later with {@code ChipSigner.sign};
 * for every chip it may store {@link #chipImage()} (encrypted: it holds private keys) and run the
 * chip with {@code ChipEmulator.fromImage}.
 *
 * @param dg14 security infos, hashed in the SOD like any data group; null for a chip with neither
 *     Chip nor Active Authentication
 * @param dg15 the Active Authentication key; null unless the chip offers Active Authentication
 * @param chipKeyPkcs8 the key the chip signs challenges with (another than DG15's for a cloned
 *     chip); null when the chip has no Active Authentication
 * @param image everything the emulated chip holds, keys included
 */
public record MockDocument(Document document, byte[] dg1, byte[] dg14, byte[] dg15, byte[] sod, byte[] chipKeyPkcs8,
                           ChipImage image) {
    public MockDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(dg1, "dg1");
        Objects.requireNonNull(sod, "sod");
        Objects.requireNonNull(image, "image");
        if ((dg15 == null) != (chipKeyPkcs8 == null)) {
            throw new IllegalArgumentException("a chip with DG15 has an active-authentication key, and only then");
        }
    }

    /** The chip as one opaque byte string for {@code ChipEmulator.fromImage}; holds private keys. */
    public byte[] chipImage() {
        return image.toBytes();
    }

    /** The six-digit card access number printed on the document, for PACE. */
    public String can() {
        return image.can();
    }
}
