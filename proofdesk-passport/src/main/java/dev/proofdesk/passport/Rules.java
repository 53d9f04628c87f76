package dev.proofdesk.passport;

import java.util.Set;

/**
 * A flow's rules as the verifier applies them.
 *
 * @param minimumAge completed years on the verification day, or null for no age rule
 * @param includedCountries nationalities accepted (ICAO codes); empty means all
 * @param excludedCountries nationalities refused; at most one of the two lists is non-empty
 * @param acceptedDocumentTypes must not be empty
 */
public record Rules(Integer minimumAge, Set<String> includedCountries, Set<String> excludedCountries,
                    boolean ofac, boolean rejectExpiredDocuments, Set<DocumentType> acceptedDocumentTypes) {

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

    /** The defaults of a new flow: OFAC on, expired documents refused, passports and ID cards. */
    public static Rules defaults() {
        return new Rules(null, Set.of(), Set.of(), true, true, Set.of(DocumentType.PASSPORT, DocumentType.ID_CARD));
    }

    public Rules withMinimumAge(Integer age) {
        return new Rules(age, includedCountries, excludedCountries, ofac, rejectExpiredDocuments, acceptedDocumentTypes);
    }

    public Rules withCountries(Set<String> included, Set<String> excluded) {
        return new Rules(minimumAge, included, excluded, ofac, rejectExpiredDocuments, acceptedDocumentTypes);
    }

    public Rules withOfac(boolean on) {
        return new Rules(minimumAge, includedCountries, excludedCountries, on, rejectExpiredDocuments, acceptedDocumentTypes);
    }

    public Rules withRejectExpiredDocuments(boolean on) {
        return new Rules(minimumAge, includedCountries, excludedCountries, ofac, on, acceptedDocumentTypes);
    }

    public Rules withAcceptedDocumentTypes(Set<DocumentType> types) {
        return new Rules(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments, types);
    }
}
