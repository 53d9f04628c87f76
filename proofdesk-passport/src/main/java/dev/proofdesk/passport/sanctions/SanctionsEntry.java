package dev.proofdesk.passport.sanctions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One listed individual as screening needs it.
 *
 * @param names primary name and aliases, free text as listed
 * @param birthDates full dates of birth
 * @param birthYears years of birth where the list gives only a year (or a range, or "circa")
 * @param passports passport numbers with their ICAO country, country null when unknown
 */
public record SanctionsEntry(String uid, List<String> names, List<LocalDate> birthDates, List<Integer> birthYears,
                             List<Passport> passports) {

    public record Passport(String number, String country) {
        public Passport {
            Objects.requireNonNull(number, "number");
        }
    }

    public SanctionsEntry {
        Objects.requireNonNull(uid, "uid");
        names = List.copyOf(names);
        birthDates = List.copyOf(birthDates);
        birthYears = List.copyOf(birthYears);
        passports = List.copyOf(passports);
    }
}
