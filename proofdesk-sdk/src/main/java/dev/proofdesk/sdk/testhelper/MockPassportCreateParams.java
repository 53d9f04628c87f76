package dev.proofdesk.sdk.testhelper;

import java.time.LocalDate;

/**
 * What a mock passport should say. Everything is optional: by default an adult from {@code UTO}
 * (the ICAO test state), not on the sanctions list, with a genuine chip.
 *
 * @param age 0 to 99 (an MRZ's two-digit year cannot carry a birth 100 or more years ago)
 * @param ofac {@code clear} or {@code flagged}: the holder, with the name, age, nationality and
 *             document number given (else the built-in listed identity), is put on the account's
 *             test sanctions list
 * @param expiryDate within 50 years of today
 * @param defect {@code none}, {@code tampered_data}, {@code bad_signature}, {@code expired_document}
 *               or {@code cloned_chip}, to exercise a failure branch
 * @param signatureAlgorithm {@code RSA-2048}, {@code RSA-PSS} or {@code ECDSA-P256}
 * @param chipAuthentication {@code active} (Active Authentication with DG15, the default), {@code chip}
 *                           (Chip Authentication with DG14, no DG15, like German passports) or {@code none}
 *                           (like US passports)
 * @param accessControl {@code bac}, {@code pace} (like identity cards) or {@code both} (the default)
 */
public record MockPassportCreateParams(
        String nationality,
        Integer age,
        LocalDate dateOfBirth,
        String ofac,
        String fullName,
        String documentNumber,
        LocalDate expiryDate,
        String documentType,
        String gender,
        String signatureAlgorithm,
        String defect,
        String chipAuthentication,
        String accessControl) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; unset fields take the server's defaults. */
    public static final class Builder {
        private String nationality;
        private Integer age;
        private LocalDate dateOfBirth;
        private String ofac;
        private String fullName;
        private String documentNumber;
        private LocalDate expiryDate;
        private String documentType;
        private String gender;
        private String signatureAlgorithm;
        private String defect;
        private String chipAuthentication;
        private String accessControl;

        private Builder() {
        }

        /** ICAO 9303 code, e.g. {@code FRA}; Germany is {@code D}. */
        public Builder nationality(String code) {
            this.nationality = code;
            return this;
        }

        public Builder age(int years) {
            this.age = years;
            return this;
        }

        public Builder dateOfBirth(LocalDate date) {
            this.dateOfBirth = date;
            return this;
        }

        public Builder ofacFlagged(boolean flagged) {
            this.ofac = flagged ? "flagged" : "clear";
            return this;
        }

        public Builder fullName(String name) {
            this.fullName = name;
            return this;
        }

        public Builder documentNumber(String number) {
            this.documentNumber = number;
            return this;
        }

        public Builder expiryDate(LocalDate date) {
            this.expiryDate = date;
            return this;
        }

        /** {@code passport} or {@code id_card}. */
        public Builder documentType(String type) {
            this.documentType = type;
            return this;
        }

        /** {@code male}, {@code female} or {@code unspecified}. */
        public Builder gender(String gender) {
            this.gender = gender;
            return this;
        }

        public Builder signatureAlgorithm(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        public Builder defect(String defect) {
            this.defect = defect;
            return this;
        }

        /** {@code active}, {@code chip} or {@code none}: how the chip proves it is genuine. */
        public Builder chipAuthentication(String method) {
            this.chipAuthentication = method;
            return this;
        }

        /** {@code bac}, {@code pace} or {@code both}: how the chip opens. */
        public Builder accessControl(String protocols) {
            this.accessControl = protocols;
            return this;
        }

        public MockPassportCreateParams build() {
            return new MockPassportCreateParams(nationality, age, dateOfBirth, ofac, fullName, documentNumber,
                    expiryDate, documentType, gender, signatureAlgorithm, defect, chipAuthentication, accessControl);
        }
    }
}
