package dev.proofdesk.passport.sanctions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One listed individual as screening needs it.
 *
 * @param names primary name and aliases, as listed
 * @param birthDates days of birth (a short range of days is listed day by day)
 * @param birthYears years of birth where the list gives only a year, a month, a range or "circa"
 * @param passports passport numbers with their ICAO country, country null when the list gives none
 */
public record SanctionsEntry(String uid, List<Name> names, List<LocalDate> birthDates, List<Integer> birthYears,
                             List<Passport> passports) {

    /**
     * A name as the list splits it, free text in any Latin spelling.
     *
     * @param givenNames first, middle and patronymic names; empty when the list gives none
     * @param surname the last name; empty when the list does not split the name (then
     *     {@code givenNames} holds all of it and only the whole name can match)
     */
    public record Name(String givenNames, String surname) {
        public Name {
            givenNames = givenNames == null ? "" : givenNames.strip();
            surname = surname == null ? "" : surname.strip();
        }

        /** "Given Names SURNAME". */
        public String full() {
            return (givenNames + " " + surname).strip();
        }
    }

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
