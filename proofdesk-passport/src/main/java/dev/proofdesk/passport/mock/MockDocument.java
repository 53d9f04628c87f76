package dev.proofdesk.passport.mock;

import dev.proofdesk.passport.Document;
import java.util.Objects;

/**
 * A mock document as a chip would hold it. The server stores {@code chipKeyPkcs8} (encrypted)
 * to answer active-authentication challenges later with {@code ChipSigner.sign}.
 *
 * @param document the attributes DG1 states
 * @param dg14 security infos; hashed in the SOD like any data group
 */
public record MockDocument(Document document, byte[] dg1, byte[] dg14, byte[] dg15, byte[] sod, byte[] chipKeyPkcs8) {
    public MockDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(dg1, "dg1");
        Objects.requireNonNull(dg14, "dg14");
        Objects.requireNonNull(dg15, "dg15");
        Objects.requireNonNull(sod, "sod");
        Objects.requireNonNull(chipKeyPkcs8, "chipKeyPkcs8");
    }
}
