package dev.proofdesk.sdk.flow;

import java.util.List;

/**
 * The portable part of a flow: what {@code export} returns and {@code importDefinition} takes. No
 * ids and no environment, so a definition can move from test to live (as a draft).
 */
public record FlowDefinition(
        String name,
        Product product,
        Rules rules,
        List<String> documents,
        Disclosures disclosures,
        Settings settings) {

    public FlowDefinition {
        documents = documents == null ? null : List.copyOf(documents);
    }

    /**
     * Who passes. In a response every field is set; in parameters a null field is not sent, so an
     * update keeps its current value.
     *
     * @param minimumAge 0 to 120, or null for no age rule
     * @param includedCountries ICAO 9303 codes (e.g. {@code FRA}, {@code D} for Germany), at most 40
     * @param excludedCountries the same; set included or excluded, not both
     * @param ofac screen against the sanctions list (default true)
     * @param rejectExpiredDocuments default true
     * @param requireChipAuthentication default true: a chip that does not prove itself genuine (Chip or
     *     Active Authentication) fails with {@code chip_authentication_unavailable}; false lets passive
     *     authentication alone pass (e.g. US passports, whose chips can prove neither)
     */
    public record Rules(Integer minimumAge, List<String> includedCountries, List<String> excludedCountries,
                        Boolean ofac, Boolean rejectExpiredDocuments, Boolean requireChipAuthentication) {
        public Rules {
            includedCountries = includedCountries == null ? null : List.copyOf(includedCountries);
            excludedCountries = excludedCountries == null ? null : List.copyOf(excludedCountries);
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private Integer minimumAge;
            private List<String> includedCountries;
            private List<String> excludedCountries;
            private Boolean ofac;
            private Boolean rejectExpiredDocuments;
            private Boolean requireChipAuthentication;

            public Builder minimumAge(Integer years) {
                this.minimumAge = years;
                return this;
            }

            public Builder includedCountries(String... codes) {
                this.includedCountries = List.of(codes);
                return this;
            }

            public Builder excludedCountries(String... codes) {
                this.excludedCountries = List.of(codes);
                return this;
            }

            public Builder ofac(boolean screen) {
                this.ofac = screen;
                return this;
            }

            public Builder rejectExpiredDocuments(boolean reject) {
                this.rejectExpiredDocuments = reject;
                return this;
            }

            public Builder requireChipAuthentication(boolean require) {
                this.requireChipAuthentication = require;
                return this;
            }

            public Rules build() {
                return new Rules(minimumAge, includedCountries, excludedCountries, ofac, rejectExpiredDocuments,
                        requireChipAuthentication);
            }
        }
    }

    /** Which attributes a result reveals; nothing else is ever returned or stored. Null: not sent. */
    public record Disclosures(Boolean nationality, Boolean dateOfBirth, Boolean fullName, Boolean documentNumber,
                              Boolean gender, Boolean expirationDate, Boolean issuingState) {

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private Boolean nationality;
            private Boolean dateOfBirth;
            private Boolean fullName;
            private Boolean documentNumber;
            private Boolean gender;
            private Boolean expirationDate;
            private Boolean issuingState;

            public Builder nationality(boolean disclose) {
                this.nationality = disclose;
                return this;
            }

            public Builder dateOfBirth(boolean disclose) {
                this.dateOfBirth = disclose;
                return this;
            }

            public Builder fullName(boolean disclose) {
                this.fullName = disclose;
                return this;
            }

            public Builder documentNumber(boolean disclose) {
                this.documentNumber = disclose;
                return this;
            }

            public Builder gender(boolean disclose) {
                this.gender = disclose;
                return this;
            }

            public Builder expirationDate(boolean disclose) {
                this.expirationDate = disclose;
                return this;
            }

            public Builder issuingState(boolean disclose) {
                this.issuingState = disclose;
                return this;
            }

            public Disclosures build() {
                return new Disclosures(nationality, dateOfBirth, fullName, documentNumber, gender, expirationDate,
                        issuingState);
            }
        }
    }

    /**
     * @param sessionTtlSeconds how long a new session stays open, 60 to 86400 (default 3600)
     * @param successUrl where the hosted page sends the person after a valid verification
     * @param failureUrl where it sends them otherwise
     * @param oneVerificationPerDocument refuse a document already used in this account
     */
    public record Settings(Integer sessionTtlSeconds, String successUrl, String failureUrl,
                           Boolean oneVerificationPerDocument) {

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private Integer sessionTtlSeconds;
            private String successUrl;
            private String failureUrl;
            private Boolean oneVerificationPerDocument;

            public Builder sessionTtlSeconds(int seconds) {
                this.sessionTtlSeconds = seconds;
                return this;
            }

            public Builder successUrl(String url) {
                this.successUrl = url;
                return this;
            }

            public Builder failureUrl(String url) {
                this.failureUrl = url;
                return this;
            }

            public Builder oneVerificationPerDocument(boolean once) {
                this.oneVerificationPerDocument = once;
                return this;
            }

            public Settings build() {
                return new Settings(sessionTtlSeconds, successUrl, failureUrl, oneVerificationPerDocument);
            }
        }
    }
}
