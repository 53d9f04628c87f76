package dev.proofdesk.passport.lds;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The MRZ keeps two-digit years; the century comes from what the date means.
 * A birth date is never in the future; an expiry date lies within fifty years of today
 * (documents run ten years, so this leaves room for long-expired ones too).
 */
final class MrzDates {
    private MrzDates() {
    }

    static LocalDate birth(String yymmdd, LocalDate today) {
        LocalDate candidate = parse(yymmdd, 2000);
        return candidate.isAfter(today) ? candidate.minusYears(100) : candidate;
    }

    static LocalDate expiry(String yymmdd, LocalDate today) {
        LocalDate candidate = parse(yymmdd, 2000);
        return candidate.isAfter(today.plusYears(50)) ? candidate.minusYears(100) : candidate;
    }

    /** YYMMDD: the year modulo 100, which is all an MRZ keeps. */
    static String format(LocalDate date) {
        return String.format("%02d%02d%02d", Math.floorMod(date.getYear(), 100), date.getMonthValue(),
                date.getDayOfMonth());
    }

    private static LocalDate parse(String yymmdd, int century) {
        for (int i = 0; i < 6; i++) {
            char c = yymmdd.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedDocumentException("MRZ date '" + yymmdd + "' is not numeric");
            }
        }
        int year = century + Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            // 20yy is a leap year whenever 19yy is, so resolving in 2000+ loses no valid date.
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new MalformedDocumentException("MRZ date '" + yymmdd + "' is not a calendar date", e);
        }
    }
}
