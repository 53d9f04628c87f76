package dev.proofdesk.passport.pki;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What passive authentication found; each flag feeds one named check of the verification.
 *
 * @param anchorIsMock whether the trusted anchor that issued the DSC is a mock CSCA
 * @param dscCurrent the document signer certificate is within its validity period now
 * @param revoked a current CRL of the issuing CSCA lists the document signer
 * @param revocationChecked a CRL of the trusted issuing CSCA was consulted; false when the chain
 *     failed or the CSCA has no CRL, and then {@code revoked} proves nothing
 * @param hashProblems one line per data group whose hash is missing or differs; empty when all match
 * @param matchedDataGroups the submitted data groups whose hash the SOD lists and matches
 * @param warnings conditions that do not fail the document, such as no CRL for the issuer
 */
public record PassiveAuthenticationResult(
        boolean signatureValid,
        IssuerStatus issuer,
        boolean anchorIsMock,
        boolean dscCurrent,
        boolean revoked,
        boolean revocationChecked,
        List<String> hashProblems,
        Set<Integer> matchedDataGroups,
        List<String> warnings) {

    public PassiveAuthenticationResult {
        Objects.requireNonNull(issuer, "issuer");
        hashProblems = List.copyOf(hashProblems);
        matchedDataGroups = Set.copyOf(matchedDataGroups);
        warnings = List.copyOf(warnings);
    }

    public boolean hashesMatch() {
        return hashProblems.isEmpty();
    }

    /**
     * Whether the SOD lists this data group, as it was read, with a matching hash. The SOD's own
     * signature and issuer are separate checks that fail the document on their own.
     */
    public boolean hashMatches(int dataGroup) {
        return matchedDataGroups.contains(dataGroup);
    }

    public boolean passed() {
        return signatureValid && issuer == IssuerStatus.TRUSTED && dscCurrent && !revoked && hashesMatch();
    }
}
