package dev.proofdesk.passport.bench;

import dev.proofdesk.passport.sanctions.SanctionsEntry;
import dev.proofdesk.passport.sanctions.SanctionsList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared inputs: a fixed clock and a generated list shaped like OFAC's (~18,000 names and aliases). */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final String[] SYLLABLES = {"al", "ba", "ha", "mi", "ro", "sa", "ti", "ve", "ko", "na", "de", "lu",
        "mar", "ser", "gei", "von", "ibn", "ov", "ez", "ski", "ang", "chen", "ou", "ri"};

    private Fixtures() {
    }

    /** 6,000 individuals with two aliases each, a third with year-only births, a third with passports. */
    static SanctionsList sanctions(int individuals) {
        Random random = new Random(42);
        List<SanctionsEntry> entries = new ArrayList<>(individuals);
        for (int i = 0; i < individuals; i++) {
            List<SanctionsEntry.Name> names = List.of(name(random), name(random), name(random));
            LocalDate dob = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean yearOnly = i % 3 == 0;
            List<SanctionsEntry.Passport> passports = i % 3 == 1
                    ? List.of(new SanctionsEntry.Passport("P" + (1_000_000 + i), i % 2 == 0 ? "IRN" : null))
                    : List.of();
            entries.add(new SanctionsEntry(Integer.toString(i), names, yearOnly ? List.of() : List.of(dob),
                    yearOnly ? List.of(dob.getYear()) : List.of(), passports));
        }
        return SanctionsList.of(entries);
    }

    /** A given name and a surname of one or two parts. */
    private static SanctionsEntry.Name name(Random random) {
        StringBuilder surname = new StringBuilder();
        for (int part = 0; part < 1 + random.nextInt(2); part++) {
            if (part > 0) {
                surname.append("-");
            }
            surname.append(word(random));
        }
        return new SanctionsEntry.Name(word(random), surname.toString());
    }

    private static String word(Random random) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < 2 + random.nextInt(2); s++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }
}
