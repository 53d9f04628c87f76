package dev.proofdesk.passport.sanctions;

import dev.proofdesk.passport.Document;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * An environment's sanctions list, indexed for screening by hash look-ups only: passport number
 * with nationality; the whole name (any order) with date or year of birth; and the surname with
 * date or year of birth, where the document's given names must all be among the listed ones
 * (an MRZ often leaves out the patronymic or middle name a list gives). Immutable and thread-safe.
 */
public final class SanctionsList {
    private static final String ANY_COUNTRY = "*";
    private static final String TEST_LIST = "test-sdn.xml";

    /** One listed name under its surname: the given names a document's must be among. */
    private record BySurname(String uid, Set<String> givenNames) {
    }

    private final Map<String, String> byPassport = new HashMap<>();
    private final Map<String, String> byNameAndDate = new HashMap<>();
    private final Map<String, String> byNameAndYear = new HashMap<>();
    private final Map<String, List<BySurname>> bySurnameAndDate = new HashMap<>();
    private final Map<String, List<BySurname>> bySurnameAndYear = new HashMap<>();
    private final int size;
    /** Screened after this list, e.g. identities a test environment adds on the fly; null for none. */
    private final SanctionsList also;

    private SanctionsList(List<SanctionsEntry> entries, SanctionsList also) {
        this.size = entries.size() + (also == null ? 0 : also.size);
        this.also = also;
        for (SanctionsEntry e : entries) {
            for (SanctionsEntry.Passport p : e.passports()) {
                String number = NameKey.documentNumber(p.number());
                if (!number.isEmpty()) {
                    // Unknown issuing country: match the number under any nationality rather than never.
                    byPassport.putIfAbsent(number + "|" + (p.country() == null ? ANY_COUNTRY : p.country()), e.uid());
                }
            }
            for (SanctionsEntry.Name name : e.names()) {
                index(e, name);
            }
        }
    }

    private void index(SanctionsEntry e, SanctionsEntry.Name name) {
        List<String> all = NameKey.tokens(name.full());
        if (all.isEmpty()) {
            return;
        }
        String full = NameKey.fullKey(all);
        e.birthDates().forEach(d -> byNameAndDate.putIfAbsent(full + "|" + d, e.uid()));
        e.birthYears().forEach(y -> byNameAndYear.putIfAbsent(full + "|" + y, e.uid()));
        List<String> surname = NameKey.tokens(name.surname());
        List<String> given = NameKey.tokens(name.givenNames());
        if (surname.isEmpty() || given.isEmpty()) {
            return;
        }
        String key = NameKey.surnameKey(surname);
        BySurname listed = new BySurname(e.uid(), NameKey.givenNames(given));
        e.birthDates().forEach(d -> add(bySurnameAndDate, key + "|" + d, listed));
        e.birthYears().forEach(y -> add(bySurnameAndYear, key + "|" + y, listed));
    }

    private static void add(Map<String, List<BySurname>> index, String key, BySurname listed) {
        // Almost every key holds one name; a singleton list keeps the index small.
        index.merge(key, List.of(listed), (old, one) -> {
            List<BySurname> more = new ArrayList<>(old);
            more.addAll(one);
            return List.copyOf(more);
        });
    }

    public static SanctionsList of(List<SanctionsEntry> entries) {
        return new SanctionsList(entries, null);
    }

    public static SanctionsList empty() {
        return of(List.of());
    }

    /** This list and {@code more}: one screening consults both, each indexed on its own. */
    public SanctionsList with(List<SanctionsEntry> more) {
        return more.isEmpty() ? this : new SanctionsList(more, this);
    }

    /** Reads OFAC's SDN.XML; {@code progress} receives the running count of entries parsed. */
    public static SanctionsList fromSdnXml(InputStream sdnXml, LongConsumer progress) {
        return of(SdnXmlParser.parse(sdnXml, progress).entries());
    }

    /**
     * Reads OFAC's SDN.XML into entries, e.g. to store them before indexing, with the country
     * names it could not map to an ICAO code.
     */
    public static SdnFile parseSdnXml(InputStream sdnXml, LongConsumer progress) {
        return SdnXmlParser.parse(sdnXml, progress);
    }

    /** The small built-in list of the test environment; it names {@link SanctionsTestIdentity}. */
    public static SanctionsList testEnvironment() {
        try (InputStream in = SanctionsList.class.getResourceAsStream(TEST_LIST)) {
            if (in == null) {
                throw new IllegalStateException("built-in test sanctions list is missing from the jar");
            }
            return fromSdnXml(in, n -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of listed individuals. */
    public int size() {
        return size;
    }

    public Optional<SanctionsMatch> screen(Document document) {
        Optional<SanctionsMatch> match = screenHere(document);
        return match.isPresent() || also == null ? match : also.screen(document);
    }

    private Optional<SanctionsMatch> screenHere(Document document) {
        String number = NameKey.documentNumber(document.documentNumber());
        String nationality = document.nationality().equals("D") ? "DEU" : document.nationality();
        String uid = byPassport.get(number + "|" + nationality);
        if (uid == null) {
            uid = byPassport.get(number + "|" + ANY_COUNTRY);
        }
        if (uid != null) {
            return Optional.of(new SanctionsMatch(uid, "passport_number"));
        }
        List<String> surname = NameKey.tokens(document.surname());
        List<String> given = NameKey.tokens(document.givenNames());
        List<String> all = new ArrayList<>(surname);
        all.addAll(given);
        String full = NameKey.fullKey(all);
        String surnameKey = NameKey.surnameKey(surname);
        LocalDate dob = document.dateOfBirth();
        uid = byNameAndDate.get(full + "|" + dob);
        if (uid == null) {
            uid = amongGivenNames(bySurnameAndDate.get(surnameKey + "|" + dob), given);
        }
        if (uid != null) {
            return Optional.of(new SanctionsMatch(uid, "name_and_date_of_birth"));
        }
        uid = byNameAndYear.get(full + "|" + dob.getYear());
        if (uid == null) {
            uid = amongGivenNames(bySurnameAndYear.get(surnameKey + "|" + dob.getYear()), given);
        }
        return uid == null ? Optional.empty() : Optional.of(new SanctionsMatch(uid, "name_and_year_of_birth"));
    }

    /** The first listed name whose given names include every one the document gives. */
    private static String amongGivenNames(List<BySurname> listed, List<String> given) {
        if (listed == null || given.isEmpty()) {
            return null;
        }
        for (BySurname candidate : listed) {
            if (candidate.givenNames().containsAll(given)) {
                return candidate.uid();
            }
        }
        return null;
    }
}
