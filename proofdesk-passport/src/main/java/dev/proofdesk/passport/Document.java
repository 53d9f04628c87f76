package dev.proofdesk.passport;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The holder and document attributes read from DG1.
 *
 * @param issuingState ICAO code of the issuing state (e.g. {@code UTO}, {@code D} for Germany)
 * @param nationality ICAO code of the holder's nationality
 * @param surname primary identifier, MRZ fillers turned into spaces
 * @param givenNames secondary identifier, possibly empty
 */
public record Document(
        DocumentType documentType,
        String issuingState,
        String nationality,
        String surname,
        String givenNames,
        String documentNumber,
        LocalDate dateOfBirth,
        LocalDate expirationDate,
        Gender gender) {

    public Document {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(issuingState, "issuingState");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(expirationDate, "expirationDate");
        Objects.requireNonNull(gender, "gender");
        if (documentNumber.isBlank()) {
            throw new IllegalArgumentException("documentNumber must not be blank");
        }
    }

    /** "SURNAME GIVEN NAMES", the way sanctions lists and people read a name. */
    public String fullName() {
        return givenNames.isEmpty() ? surname : givenNames + " " + surname;
    }

    /**
     * The document identity the server turns into a nullifier with its per-account HMAC key.
     * Fillers and case are normalised so the same chip always yields the same input.
     */
    public String nullifierInput() {
        return "icao9303:" + issuingState.replace("<", "").toUpperCase()
                + ":" + documentNumber.replace("<", "").toUpperCase()
                + ":" + dateOfBirth;
    }

    /** Completed years of age on {@code today}. */
    public int ageOn(LocalDate today) {
        return java.time.Period.between(dateOfBirth, today).getYears();
    }
}
