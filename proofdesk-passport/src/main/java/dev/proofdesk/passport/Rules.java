package dev.proofdesk.passport;

import java.util.Set;

/**
 * A flow's rules as the verifier applies them.
 *
 * @param minimumAge completed years on the verification day, or null for no age rule
 * @param includedCountries nationalities accepted (ICAO codes); empty means all
 * @param excludedCountries nationalities refused; at most one of the two lists is non-empty
 * @param acceptedDocumentTypes must not be empty
 * @param requireChipAuthentication a document whose chip did not prove itself genuine (Chip or Active
 *     Authentication) fails with {@code chip_authentication_unavailable}; when false, passive
 *     authentication alone can pass (a chip proof that is offered and fails still fails)
 */
public record Rules(Integer minimumAge, Set<String> includedCountries, Set<String> excludedCountries,
                    boolean ofac, boolean rejectExpiredDocuments, Set<DocumentType> acceptedDocumentTypes,
                    boolean requireChipAuthentication) {

    public Rules {
        includedCountries = includedCountries == null ? Set.of() : Set.copyOf(includedCountries);
        excludedCountries = excludedCountries == null ? Set.of() : Set.copyOf(excludedCountries);
        acceptedDocumentTypes = acceptedDocumentTypes == null ? Set.of() : Set.copyOf(acceptedDocumentTypes);
        if (minimumAge != null && (minimumAge < 0 || minimumAge > 120)) {
            throw new IllegalArgumentException("minimumAge must be between 0 and 120, got " + minimumAge);
        }
        if (!includedCountries.isEmpty() && !excludedCountries.isEmpty()) {
            throw new IllegalArgumentException("set includedCountries or excludedCountries, not both");
        }
        if (acceptedDocumentTypes.isEmpty()) {
            throw new IllegalArgumentException("acceptedDocumentTypes must name at least one document type");
        }
    }

    /** Rules that require a genuine chip, as flows did before the rule existed. */
    public Rules(Integer minimumAge, Set<String> includedCountries, Set<String> excludedCountries,
                 boolean ofac, boolean rejectExpiredDocuments, Set<DocumentType> acceptedDocumentTypes) {
        this(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments, acceptedDocumentTypes, true);
    }

    /** The defaults of a new flow: OFAC on, expired documents refused, passports and ID cards, a genuine chip required. */
    public static Rules defaults() {
        return new Rules(null, Set.of(), Set.of(), true, true, Set.of(DocumentType.PASSPORT, DocumentType.ID_CARD), true);
    }

    public Rules withMinimumAge(Integer age) {
        return new Rules(age, includedCountries, excludedCountries, ofac, rejectExpiredDocuments, acceptedDocumentTypes,
                requireChipAuthentication);
    }

    public Rules withCountries(Set<String> included, Set<String> excluded) {
        return new Rules(minimumAge, included, excluded, ofac, rejectExpiredDocuments, acceptedDocumentTypes,
                requireChipAuthentication);
    }

    public Rules withOfac(boolean on) {
        return new Rules(minimumAge, includedCountries, excludedCountries, on, rejectExpiredDocuments, acceptedDocumentTypes,
                requireChipAuthentication);
    }

    public Rules withRejectExpiredDocuments(boolean on) {
        return new Rules(minimumAge, includedCountries, excludedCountries, ofac, on, acceptedDocumentTypes,
                requireChipAuthentication);
    }

    public Rules withAcceptedDocumentTypes(Set<DocumentType> types) {
        return new Rules(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments, types,
                requireChipAuthentication);
    }

    public Rules withRequireChipAuthentication(boolean on) {
        return new Rules(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments,
                acceptedDocumentTypes, on);
    }
}
