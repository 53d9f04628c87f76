package dev.proofdesk.passport.sanctions;

import java.time.LocalDate;

/**
 * The person on the built-in test sanctions list. A mock passport created with
 * {@code ofac: flagged} and no name, date of birth or document number of its own carries this
 * identity, so screening in test finds it by name and date of birth and by passport number.
 */
public final class SanctionsTestIdentity {
    public static final String SURNAME = "BLOCKMAN";
    public static final String GIVEN_NAMES = "VIKTOR";
    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(1970, 3, 12);
    public static final String DOCUMENT_NUMBER = "X9OFAC001";
    public static final String NATIONALITY = "UTO";

    private SanctionsTestIdentity() {
    }
}
