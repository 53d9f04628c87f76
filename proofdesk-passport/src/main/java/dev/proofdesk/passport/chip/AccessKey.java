package dev.proofdesk.passport.chip;

import java.util.Objects;

/** What opens the chip: the MRZ's document number and dates (BAC or PACE), or the card access number (PACE). */
public sealed interface AccessKey {

    /**
     * @param documentNumber as printed in the MRZ, without filler
     * @param dateOfBirth YYMMDD
     * @param dateOfExpiry YYMMDD
     */
    record Mrz(String documentNumber, String dateOfBirth, String dateOfExpiry) implements AccessKey {
        public Mrz {
            Objects.requireNonNull(documentNumber, "documentNumber");
            if (!documentNumber.matches("[A-Z0-9<]{1,20}")) {
                throw new IllegalArgumentException("documentNumber must be capital letters and digits as in the MRZ");
            }
            if (dateOfBirth == null || !dateOfBirth.matches("\\d{6}")) {
                throw new IllegalArgumentException("dateOfBirth must be YYMMDD");
            }
            if (dateOfExpiry == null || !dateOfExpiry.matches("\\d{6}")) {
                throw new IllegalArgumentException("dateOfExpiry must be YYMMDD");
            }
        }

        /**
         * The document number as the access keys hash it (ICAO 9303 part 11 §9.7.2): padded with
         * {@code <} to the nine characters of its MRZ field; a longer number is used whole.
         */
        public String documentNumberField() {
            return documentNumber.length() >= 9 ? documentNumber : documentNumber + "<".repeat(9 - documentNumber.length());
        }
    }

    /** @param can the six-digit card access number printed on the document */
    record Can(String can) implements AccessKey {
        public Can {
            if (can == null || !can.matches("\\d{6}")) {
                throw new IllegalArgumentException("can must be six digits");
            }
        }
    }
}
