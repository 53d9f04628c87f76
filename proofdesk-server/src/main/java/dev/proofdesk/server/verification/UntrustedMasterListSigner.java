package dev.proofdesk.server.verification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A master list was refused, and nothing of it imported, because its signer is not trusted for
 * master lists: the operator gets what they need to check it with its publisher.
 */
public final class UntrustedMasterListSigner extends RuntimeException {
    private final Certificate signer;
    private final Optional<Certificate> issuer;

    /**
     * One certificate as an operator checks it.
     *
     * @param sha256 SHA-256 of its DER encoding, lower-case hex: what {@code --signer-sha256} takes
     */
    public record Certificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256) {
        public Certificate {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** @param issuer the CSCA that issued the signer, when the file or the trust store holds it */
    UntrustedMasterListSigner(String reason, Certificate signer, Optional<Certificate> issuer) {
        super(reason);
        this.signer = signer;
        this.issuer = issuer;
    }

    public Certificate signer() {
        return signer;
    }

    public Optional<Certificate> issuer() {
        return issuer;
    }
}
