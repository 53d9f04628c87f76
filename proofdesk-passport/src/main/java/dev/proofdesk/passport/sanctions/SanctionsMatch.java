package dev.proofdesk.passport.sanctions;

/**
 * @param entryUid the list's id of the matched entry
 * @param reason {@code passport_number}, {@code name_and_date_of_birth} or {@code name_and_year_of_birth}
 */
public record SanctionsMatch(String entryUid, String reason) {
}
