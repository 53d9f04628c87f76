package dev.proofdesk.passport.mock;

import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a mock document should say.
 *
 * @param documentNumber null for a random one
 * @param expiryDate null for five years from today (or last month with {@link Defect#EXPIRED_DOCUMENT})
 * @param chipAuthentication how the chip proves itself; null for {@link ChipAuthentication#ACTIVE}
 * @param accessControl which access protocols the chip accepts; null for {@link ChipAccess#BOTH}
 */
public record MockDocumentSpec(
        DocumentType documentType,
        String nationality,
        LocalDate dateOfBirth,
        String surname,
        String givenNames,
        Gender gender,
        String documentNumber,
        LocalDate expiryDate,
        SignatureAlgorithm signatureAlgorithm,
        Defect defect,
        ChipAuthentication chipAuthentication,
        ChipAccess accessControl) {

    public MockDocumentSpec {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        givenNames = givenNames == null ? "" : givenNames;
        gender = gender == null ? Gender.UNSPECIFIED : gender;
        defect = defect == null ? Defect.NONE : defect;
        chipAuthentication = chipAuthentication == null ? ChipAuthentication.ACTIVE : chipAuthentication;
        accessControl = accessControl == null ? ChipAccess.BOTH : accessControl;
        if (nationality == null || !nationality.matches("[A-Z]{1,3}")) {
            throw new IllegalArgumentException("nationality must be an ICAO code of 1-3 capital letters, got " + nationality);
        }
        if (documentNumber != null && !documentNumber.matches("[A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException("documentNumber must be 1-9 capital letters or digits, got " + documentNumber);
        }
    }

    /** A chip with Active Authentication that accepts PACE and BAC. */
    public MockDocumentSpec(DocumentType documentType, String nationality, LocalDate dateOfBirth, String surname,
                            String givenNames, Gender gender, String documentNumber, LocalDate expiryDate,
                            SignatureAlgorithm signatureAlgorithm, Defect defect) {
        this(documentType, nationality, dateOfBirth, surname, givenNames, gender, documentNumber, expiryDate,
                signatureAlgorithm, defect, ChipAuthentication.ACTIVE, ChipAccess.BOTH);
    }

    /** A clean passport for quick tests: UTO national born on the given date. */
    public static MockDocumentSpec passport(LocalDate dateOfBirth, SignatureAlgorithm algorithm) {
        return new MockDocumentSpec(DocumentType.PASSPORT, "UTO", dateOfBirth, "MOCK", "ALEX", Gender.UNSPECIFIED,
                null, null, algorithm, Defect.NONE, ChipAuthentication.ACTIVE, ChipAccess.BOTH);
    }

    public MockDocumentSpec withDefect(Defect d) {
        return new MockDocumentSpec(documentType, nationality, dateOfBirth, surname, givenNames, gender,
                documentNumber, expiryDate, signatureAlgorithm, d, chipAuthentication, accessControl);
    }

    public MockDocumentSpec withChipAuthentication(ChipAuthentication c) {
        return new MockDocumentSpec(documentType, nationality, dateOfBirth, surname, givenNames, gender,
                documentNumber, expiryDate, signatureAlgorithm, defect, c, accessControl);
    }

    public MockDocumentSpec withAccessControl(ChipAccess a) {
        return new MockDocumentSpec(documentType, nationality, dateOfBirth, surname, givenNames, gender,
                documentNumber, expiryDate, signatureAlgorithm, defect, chipAuthentication, a);
    }
}
