package dev.proofdesk.passport.sanctions;

import dev.proofdesk.passport.Document;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment's sanctions list, indexed for screening by hash look-ups only: passport
 * number with nationality, normalised name with full date of birth, and normalised name with
 * year of birth for entries that give only a year. Immutable and thread-safe.
 */
public final class SanctionsList {
    private static final String ANY_COUNTRY = "*";
    private static final String TEST_LIST = "test-sdn.xml";

    private final Map<String, String> byPassport = new HashMap<>();
    private final Map<String, String> byNameAndDate = new HashMap<>();
    private final Map<String, String> byNameAndYear = new HashMap<>();
    private final int size;

    private SanctionsList(List<SanctionsEntry> entries) {
        this.size = entries.size();
        for (SanctionsEntry e : entries) {
            for (SanctionsEntry.Passport p : e.passports()) {
                String number = NameKey.documentNumber(p.number());
                if (!number.isEmpty()) {
                    // Unknown issuing country: match the number under any nationality rather than never.
                    byPassport.putIfAbsent(number + "|" + (p.country() == null ? ANY_COUNTRY : p.country()), e.uid());
                }
            }
            for (String name : e.names()) {
                for (String key : NameKey.keys(name)) {
                    e.birthDates().forEach(d -> byNameAndDate.putIfAbsent(key + "|" + d, e.uid()));
                    e.birthYears().forEach(y -> byNameAndYear.putIfAbsent(key + "|" + y, e.uid()));
                }
            }
        }
    }

    public static SanctionsList of(List<SanctionsEntry> entries) {
        return new SanctionsList(entries);
    }

    public static SanctionsList empty() {
        return new SanctionsList(List.of());
    }

    /** Reads OFAC's SDN.XML; {@code progress} receives the running count of entries parsed. */
    public static SanctionsList fromSdnXml(InputStream sdnXml, java.util.function.LongConsumer progress) {
        return of(SdnXmlParser.parse(sdnXml, progress));
    }

    /** Reads OFAC's SDN.XML into entries, e.g. to store them before indexing. */
    public static List<SanctionsEntry> parseSdnXml(InputStream sdnXml, java.util.function.LongConsumer progress) {
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
        String number = NameKey.documentNumber(document.documentNumber());
        String nationality = document.nationality().equals("D") ? "DEU" : document.nationality();
        String uid = byPassport.get(number + "|" + nationality);
        if (uid == null) {
            uid = byPassport.get(number + "|" + ANY_COUNTRY);
        }
        if (uid != null) {
            return Optional.of(new SanctionsMatch(uid, "passport_number"));
        }
        String name = NameKey.key(document.surname() + " " + document.givenNames());
        LocalDate dob = document.dateOfBirth();
        uid = byNameAndDate.get(name + "|" + dob);
        if (uid != null) {
            return Optional.of(new SanctionsMatch(uid, "name_and_date_of_birth"));
        }
        uid = byNameAndYear.get(name + "|" + dob.getYear());
        return uid == null ? Optional.empty() : Optional.of(new SanctionsMatch(uid, "name_and_year_of_birth"));
    }
}
